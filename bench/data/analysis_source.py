"""Source of bench/data/analysis_labelled.csv: invented resident inputs from a Norwegian suburb.

Every text is invented. Each cluster is one proposal said in other words (paraphrases that
share few words); near-duplicate variants (typos, reordered words, copy-paste) are made from
some of them by `make_analysis_labelled.py` with a fixed seed and marked in `dup_of`.
Singletons fit no cluster. Regenerate: `python bench/data/make_analysis_labelled.py`.
"""

# ruff: noqa: E741
S = "Samskaping og deltakelse"
K = "Sosiale og kulturelle aktiviteter"
O = "Offentlige tjenester"
U = "Stedsutvikling"
M, R, P = "municipality", "residents", "partnership"

CLUSTERS = [
    (
        "benker",
        U,
        M,
        [
            "Det trengs flere benker langs turveien rundt vannet.",
            "Eldre som går tur må kunne hvile seg – sett ut sitteplasser med jevne mellomrom.",
            "Min mor klarer ikke gå hele runden uten å sette seg ned. Flere benker, takk!",
            "Savner et sted å sitte på vei opp bakken fra senteret.",
            "Kan kommunen montere noen benker ved lekeplassen så foreldrene kan sitte?",
            "Langs gangstien mot skogen finnes det ikke en eneste sittebenk.",
            "Sittegrupper med bord i parken hadde vært fint om sommeren.",
            "Hvileplasser på turstien, gjerne med ryggstøtte og armlener.",
        ],
    ),
    (
        "gatelys",
        U,
        M,
        [
            "Det er bekmørkt på gangveien ved idrettshallen om kvelden.",
            "Vi trenger bedre belysning på stien mellom blokkene og bussholdeplassen.",
            "Lyktestolpene ved undergangen har vært slukket siden oktober.",
            "Jeg er redd når jeg går hjem fra bussen i vintermørket, det er ingen lys der.",
            "Flere gatelamper i boligfeltet ville gjort det tryggere å gå ute etter mørkets frembrudd.",
            "Undergangen under riksveien er mørk og skummel, den må lyses opp.",
            "Sett opp lys i parken så folk tør å gå der på kveldstid.",
            "Belysningen langs sykkelstien er altfor svak om vinteren.",
            "Kan dere skifte til LED og få lys på hele strekningen ned til stasjonen?",
        ],
    ),
    (
        "ungdomsklubb",
        K,
        P,
        [
            "Ungdomsklubben bør ha åpent flere kvelder i uka, ikke bare fredag.",
            "Tenåringene har ingen steder å være etter skoletid, så de henger på senteret.",
            "Et fritidstilbud for 13–17-åringer der de kan spille, lage musikk og bare være.",
            "Ungdommen trenger et eget lokale, drevet av voksne og ungdom sammen.",
            "Klubben stenger klokka ni – det er altfor tidlig for de eldste.",
            "Åpne fritidsklubben i helgene også, med frivillige foreldre som vakter.",
            "Jeg er 15 og det er ingenting å gjøre her på kveldene.",
            "Lag en ungdomskafé med gaming, biljard og noen voksne å snakke med.",
            "Fritidsklubb med miksebord og øvingsrom for band.",
            "De unge må få et sted å møtes som ikke koster penger.",
            "Ungdommene burde få være med og bestemme hvordan klubbhuset skal se ut.",
            "Hvorfor er ungdomsklubben stengt i sommerferien når ungdommen trenger den mest?",
        ],
    ),
    (
        "møteplass",
        K,
        P,
        [
            "Vi mangler et sted der folk i alle aldre kan møtes uten å måtte handle noe.",
            "Et grendehus eller nærmiljøhus der lag og foreninger kan låne rom gratis.",
            "Det finnes ingen kafé eller samlingspunkt i bydelen, bare kjøpesenteret.",
            "Et felles hus for nabolaget med kjøkken, storstue og åpen dør.",
            "Gjør om den tomme butikken i sentrum til en møteplass for beboerne.",
            "Hvor skal pensjonister og småbarnsforeldre treffes på dagtid? Vi trenger et åpent lokale.",
            "Innbyggerhus med strikkekafé, spillkvelder og lån av lokaler.",
        ],
    ),
    (
        "trygg skolevei",
        U,
        M,
        [
            "Bilene kjører altfor fort forbi skolen, vi trenger fartshumper.",
            "Barna må krysse hovedveien uten fotgjengerfelt på vei til skolen.",
            "Et gangfelt med lysregulering ved barneskolen før det skjer en ulykke.",
            "Foreldre som kjører barna helt fram til porten skaper kaos om morgenen.",
            "Fortauet langs Skoleveien slutter midt i svingen, ungene må gå i veibanen.",
            "Innfør 30-sone ved skolen og håndhev den.",
            "Kan vi få skolepatrulje eller voksne ved krysset om morgenen?",
            "Hjertesone rundt skolen så ungene kan gå og sykle trygt.",
            "Jeg tør ikke la sjuåringen gå alene til skolen på grunn av trafikken.",
            "Mangler gang- og sykkelvei fra boligfeltet til ungdomsskolen.",
        ],
    ),
    (
        "bibliotek",
        O,
        M,
        [
            "Biblioteket bør holde åpent på lørdager.",
            "Åpningstidene på filialen passer ikke for folk som jobber – utvid til kveldstid.",
            "Meråpent bibliotek med lånekort, slik at vi kan bruke det når det er ubetjent.",
            "Biblioteket er stengt når skolebarna trenger et sted å gjøre lekser.",
            "Kan bibliotekfilialen være åpen søndag ettermiddag?",
            "Lengre åpningstid på biblioteket i eksamenstida for studentene.",
        ],
    ),
    (
        "språkkafé",
        K,
        R,
        [
            "Vi kan starte en språkkafé der nye i Norge øver på norsk med naboer.",
            "Jeg vil gjerne praktisere norsk, men har ingen å snakke med utenom kurset.",
            "Samtalegrupper på biblioteket for innvandrere og frivillige som liker å prate.",
            "Norsktrening over en kopp kaffe hver tirsdag, drevet av pensjonister.",
            "Mange mødre som har kommet hit nylig sitter hjemme og lærer ikke språket.",
            "Lag en uformell møteplass for å snakke norsk, uten lekser og prøver.",
            "Frivillige kan hjelpe nyankomne med språket gjennom prat og spill.",
        ],
    ),
    (
        "fotballbane",
        U,
        M,
        [
            "Kunstgressbanen er slitt i stykker og må legges om.",
            "Fotballbanen trenger lys så vi kan spille om kvelden på vinteren.",
            "Målene på løkka har ikke nett og det ene er ødelagt.",
            "Ballbingen ved skolen er full av hull i gjerdet.",
            "Vi trenger en bane med kunstgress, grusbanen er umulig å spille på.",
            "Kommunen må vedlikeholde fotballbanen, den er full av hull og gjørme.",
            "En liten ballbinge i nabolaget så barna slipper å dra til hallen.",
            "Stadion har ikke garderober som fungerer, dusjene er kalde.",
        ],
    ),
    (
        "nabofest",
        K,
        R,
        [
            "La oss arrangere gatefest i sommer så naboene blir kjent.",
            "Jeg kjenner ingen i oppgangen – kanskje en grillkveld for hele borettslaget?",
            "Et årlig nabolagsfest med loppis, musikk og felles middag.",
            "Vi kan ha sankthansfeiring på jordet for hele grenda.",
            "Naboskap bygges rundt et bord: langbord i gata en søndag i august.",
            "Juletrefest for barna i boligfeltet, alle tar med noe.",
        ],
    ),
    (
        "rydding",
        S,
        R,
        [
            "Søppel ligger overalt i skogkanten, vi kan ta en ryddeaksjon.",
            "Organiser dugnad hver vår der hele nabolaget plukker søppel.",
            "Skolebarna kan adoptere en strekning og holde den ren.",
            "Jeg plukker plast langs bekken hver helg og vil gjerne ha med flere.",
            "Strandryddedag ved vannet med premier og grilling etterpå.",
            "Foreldre og barn kunne hatt felles søppelplukking én lørdag i måneden.",
            "Det flyter av tomflasker og snus ved busskuret – la oss rydde sammen.",
        ],
    ),
    (
        "søppelbøtter",
        O,
        M,
        [
            "Flere søppelkasser langs turveien, og tøm dem oftere.",
            "Hundeposer blir kastet i grøfta fordi det ikke finnes avfallsbeholdere.",
            "Søppelbøtta ved lekeplassen er alltid full på søndager.",
            "Sett opp en beholder med hundeposer ved inngangen til skogen.",
            "Avfallsdunkene i parken flyter over og kråkene sprer alt utover.",
        ],
    ),
    (
        "informasjon",
        S,
        P,
        [
            "Det er vanskelig å få vite hva som skjer i bydelen.",
            "En felles kalender på nett for alle arrangementer i nærmiljøet.",
            "Oppslagstavle ved butikken der lag og foreninger kan henge opp plakater.",
            "Jeg fikk ikke med meg møtet fordi det bare ble annonsert på Facebook.",
            "Kommunen og velforeningen kunne laget et nyhetsbrev sammen om hva som foregår.",
            "Informasjon om aktiviteter må også komme på andre språk enn norsk.",
            "Hvorfor hører vi aldri om tilbudene før de er over?",
        ],
    ),
    (
        "medvirkning",
        S,
        M,
        [
            "Innbyggerne må bli hørt før det bestemmes hvor den nye veien skal gå.",
            "Kommunen bør holde folkemøter her ute, ikke bare på rådhuset.",
            "Et fast innbyggerpanel som blir spurt før store beslutninger i bydelen.",
            "Politikerne kommer aldri hit for å snakke med oss som bor her.",
            "La barn og unge få si sin mening om planene for sentrum.",
            "Digitale høringer der man kan si ifra uten å skrive et langt brev.",
            "Vi vil være med å bestemme, ikke bare få informasjon etterpå.",
            "Ungdomsrådet må få reell innflytelse over penger til nærmiljøet.",
        ],
    ),
    (
        "lekeplass",
        U,
        P,
        [
            "Lekeplassen i Furulia er nedslitt, huskene er borte.",
            "Barna trenger en lekeplass med klatrestativ og sandkasse nær blokkene.",
            "Vi i borettslaget vil pusse opp lekeplassen hvis kommunen spanderer utstyret.",
            "Lekeapparatene er rustne og farlige, de må byttes ut.",
            "Et lekeområde som også passer for barn i rullestol.",
            "Småbarnsfamiliene savner et sted med sklie og dissehuske i nærheten.",
        ],
    ),
    (
        "buss",
        O,
        M,
        [
            "Bussen går bare én gang i timen på kveldstid, det er for sjelden.",
            "Vi trenger en direkte bussrute til sykehuset.",
            "Siste buss fra byen går 23.10, det er umulig å komme hjem fra kino.",
            "Flere avganger i helgene, nå står vi og venter i 40 minutter.",
            "Bybussen burde kjøre helt opp til de nye boligene på toppen.",
            "Kollektivtilbudet her er så dårlig at alle må ha bil.",
            "Busskuret har ikke tak og sanntidsskiltet virker ikke.",
        ],
    ),
    (
        "helsesykepleier",
        O,
        M,
        [
            "Helsesykepleieren er bare på skolen én dag i uka, elevene trenger mer.",
            "Ungdom som sliter psykisk må få hjelp uten lang ventetid.",
            "En helsestasjon for ungdom med kveldsåpent her i bydelen.",
            "Skolen trenger noen voksne å snakke med når ting er vanskelig hjemme.",
            "Det tar måneder å få time hos psykolog for barn, det må bli bedre.",
        ],
    ),
    (
        "frivilligsentral",
        S,
        P,
        [
            "Mange vil hjelpe til, men vet ikke hvor de skal henvende seg.",
            "En frivilligsentral som kobler folk som vil bidra med dem som trenger det.",
            "Jeg er pensjonist og har tid, men ingen har spurt meg om å være med på noe.",
            "Lag en oversikt over frivillige oppdrag i nærmiljøet, gjerne en nettside.",
            "Kommunen kan ansette en koordinator som hjelper lag og foreninger å finne folk.",
            "Frivilligheten her er sliten, vi trenger flere hender og noen som organiserer.",
        ],
    ),
    (
        "parsellhage",
        U,
        R,
        [
            "Vi kan lage en felles kjøkkenhage på den tomme plenen bak blokka.",
            "Dyrkekasser i borettslaget der beboerne sår grønnsaker sammen.",
            "Jeg savner jord å dyrke i, bor i leilighet uten hage.",
            "En parsellhage der naboer deler redskap og høster sammen.",
            "Plant frukttrær og bærbusker i parken som alle kan plukke fra.",
        ],
    ),
    (
        "leksehjelp",
        K,
        P,
        [
            "Gratis leksehjelp etter skolen for barn som ikke får hjelp hjemme.",
            "Studenter og pensjonister kan hjelpe ungene med matte på biblioteket.",
            "Mange foreldre her kan ikke hjelpe med skolearbeidet fordi de ikke kan norsk.",
            "Et leksecafé to ettermiddager i uka med frivillige og en lærer.",
            "Ungdomsskoleelever trenger noen som forklarer oppgavene når de står fast.",
        ],
    ),
    (
        "skøytebane",
        K,
        P,
        [
            "Lag skøytebane på ballbingen om vinteren, velforeningen kan spyle den.",
            "Det var is på dammen før, nå har barna ingen steder å gå på skøyter.",
            "Kan brannvesenet eller kommunen fylle vann på banen når det er kuldegrader?",
            "Vinteraktiviteter for barna: skøyteis og akebakke med lys.",
        ],
    ),
    (
        "turstier",
        U,
        P,
        [
            "Turstiene i skogen er dårlig merket, folk går seg bort.",
            "Skilt og kart ved inngangen til marka hadde hjulpet mye.",
            "Idrettslaget kan merke løypene hvis kommunen betaler for skiltene.",
            "Stien langs elva er gjørmete og bør gruses.",
            "Lag en kort natursti med poster som barnehagene kan bruke.",
            "Rydd turveien for nedfalne trær etter stormen.",
        ],
    ),
    (
        "konserter",
        K,
        P,
        [
            "Sommerkonserter i parken med lokale band.",
            "Det skjer aldri noe kulturelt her ute, alt foregår i sentrum.",
            "En liten scene i friområdet der skolekorpset og andre kan spille.",
            "Kulturkveld i samfunnshuset med mat og musikk fra ulike land.",
            "Utendørs kino på sletta en kveld i august.",
            "Kulturskolen kunne holt forestillinger i bydelen i stedet for bare i byen.",
        ],
    ),
    (
        "toalett",
        O,
        M,
        [
            "Det finnes ikke et eneste offentlig toalett i parken.",
            "Barnefamilier på tur trenger et sted å gå på do.",
            "Toalettet ved badeplassen er låst hele sommeren.",
            "Sett opp en toalettbu ved ballbanen, folk tisser i buskene.",
        ],
    ),
    (
        "besøksvenn",
        K,
        R,
        [
            "Mange eldre sitter alene i leilighetene sine og snakker ikke med noen på dager.",
            "Besøksvenner som tar en kaffe eller en tur med ensomme naboer.",
            "Jeg skulle ønske noen ringte bestefar av og til, han er så alene.",
            "Vi kan hjelpe eldre naboer med handling og en prat.",
            "Ensomhet blant pensjonister er et stort problem i blokkene her.",
            "Følge-venn til eldre som ikke tør å gå ut alene om vinteren.",
        ],
    ),
    (
        "sykkelvei",
        U,
        M,
        [
            "Sammenhengende sykkelvei inn til byen, nå må vi sykle i veibanen.",
            "Sykkelfeltet forsvinner plutselig ved rundkjøringen.",
            "Vi trenger sykkelparkering med tak ved stasjonen.",
            "Det er livsfarlig å sykle til jobb langs riksveien.",
            "Bygg egen trasé for syklister adskilt fra bilene.",
        ],
    ),
    (
        "tagging",
        U,
        P,
        [
            "Undergangen er full av tagging, det ser forfallent ut.",
            "Gi ungdommen en lovlig vegg der de kan male graffiti.",
            "Streetart-prosjekt: la kunstnere og unge dekorere de grå betongveggene.",
            "Hærverket på busskurene må fjernes fortere.",
        ],
    ),
    (
        "byttemarked",
        K,
        R,
        [
            "Byttedag for klær og leker to ganger i året.",
            "Et gi-bort-skap i oppgangen der man kan sette fra seg ting andre kan bruke.",
            "Loppemarked på skolen til inntekt for klassetur.",
            "Reparasjonskafé der naboer fikser sykler og klær for hverandre.",
            "En bytteordning for verktøy, så ikke alle må kjøpe drill og stige.",
        ],
    ),
    (
        "digital hjelp",
        O,
        P,
        [
            "Eldre får ikke til BankID og digitale skjemaer, de trenger hjelp.",
            "Datakurs for seniorer på biblioteket med ungdommer som lærere.",
            "Min nabo på 82 kan ikke bestille time hos legen fordi alt skjer på nett.",
            "Et sted å få hjelp med mobilen og Vipps uten å føle seg dum.",
        ],
    ),
    (
        "natteravn",
        S,
        R,
        [
            "Flere voksne må gå natteravn i helgene.",
            "Foreldre kan gå vakter på fredagskvelder slik at ungdommen føler seg trygge.",
            "Det er uro ved senteret om natta, vi bør ha noen voksne ute.",
            "Bli med som nattevandrer – det trengs flere frivillige.",
        ],
    ),
    (
        "treningsapparater",
        U,
        M,
        [
            "Utendørs treningsapparater langs turløypa.",
            "Et treningsområde i parken med pull-up-stang og benk for styrketrening.",
            "Gratis trening ute for dem som ikke har råd til treningssenter.",
            "Calisthenicspark for ungdom og voksne.",
        ],
    ),
    (
        "velkomst",
        S,
        R,
        [
            "Nye innflyttere burde få en velkomstpakke med info om nærmiljøet.",
            "Vi som har bodd her lenge kan ta imot nye naboer med et besøk og litt bakst.",
            "Da jeg flyttet hit tok det to år før jeg ble kjent med noen.",
            "Velkomstkveld for nye i bydelen, med lag og foreninger som presenterer seg.",
        ],
    ),
    (
        "snømåking",
        O,
        M,
        [
            "Fortauene blir ikke brøytet før midt på dagen.",
            "Strø gangveiene, eldre faller og brekker hoften hver vinter.",
            "Brøytebilen skyver snøen opp på fortauet så vi må gå i veien.",
            "Trappene ned til stasjonen er speilblanke hele vinteren.",
            "Kommunen må prioritere gående når det snør, ikke bare bilveiene.",
        ],
    ),
]

# Inputs that fit no cluster (each its own topic).
SINGLETONS = [
    ("Kirkegården trenger en bedre parkeringsplass for besøkende.", O, M),
    ("Kan vi få en hundeluftegård med gjerde rundt?", U, M),
    ("Jeg vil starte et sjakklubb for barn og voksne.", K, R),
    ("Skolen burde servere varm lunsj.", O, M),
    ("Det bør være flere ladestasjoner for elbil i borettslagene.", U, P),
    ("Birøkterlaget kan sette ut bikuber på taket av skolen.", U, P),
    ("Vi savner en fastlege som snakker arabisk.", O, M),
    ("Historielaget kan lage skilt om gamle gårder i området.", K, P),
    ("Bading i tjernet bør bli trygt, med badebrygge og livbøye.", U, M),
    ("Strikkeklubb for menn, hvorfor ikke?", K, R),
    ("Postkassene i blokka blir stadig brutt opp.", U, R),
    ("Kommunen må svare på e-post innen en uke.", S, M),
    ("En felles elsparkesykkelparkering så de ikke ligger strødd.", U, M),
    ("Vi kan lage et minnesmerke over de som bygde bydelen på 60-tallet.", K, P),
    ("Matutdeling for familier med dårlig råd før jul.", K, P),
]

# More paraphrases for some clusters, so cluster sizes differ more.
EXTRA = {
    "benker": [
        "Gamle folk blir sittende inne fordi det ikke er noe sted å hvile på veien til butikken.",
        "Noen parkbenker ved dammen, så man kan nyte utsikten.",
        "Sitteplasser i skyggen ved aktivitetsparken.",
    ],
    "gatelys": [
        "Snarveien til T-banen er uten lys og føles utrygg for jenter.",
        "Det er så mørkt ved parkeringsplassen at jeg bruker lommelykt på mobilen.",
        "Gatebelysningen i Granveien har ikke virket på et halvt år.",
    ],
    "ungdomsklubb": [
        "Ungdom trenger noe å drive med i helgene som ikke handler om å sitte på skjerm.",
        "En klubb der unge kan lage mat sammen, gjøre lekser og spille fotballspill.",
        "Fritidsklubben er for liten, det er kø for å komme inn.",
    ],
    "trygg skolevei": [
        "Krysset ved Bakkeveien er livsfarlig for skolebarn, sjåførene stopper ikke.",
        "Busk og hekker skjuler barna for bilistene i svingen før skolen.",
        "Vi ønsker en «gåbuss» der foreldre følger grupper av barn til skolen.",
    ],
    "fotballbane": [
        "Jentelaget får aldri banetid, vi trenger en bane til.",
        "Banen ved ungdomsskolen blir aldri merket opp og gresset klippes ikke.",
    ],
    "medvirkning": [
        "Spør oss som bor her før dere bygger nye blokker på jordet.",
        "Møtene om reguleringsplanen holdes midt på dagen når folk er på jobb.",
        "Kommunen må fortelle hva som skjedde med innspillene vi ga sist.",
    ],
    "møteplass": [
        "Samfunnshuset står tomt det meste av uka, åpne det for alle som vil bruke det.",
        "Et varmt sted å stikke innom for en kopp kaffe og en prat med naboer.",
        "Bydelen trenger et torg med benker, kafé og plass til marked.",
    ],
    "informasjon": [
        "Flere plakater og flygeblader i postkassene, ikke alle er på sosiale medier.",
        "Lag en app eller SMS-varsel om hva som skjer i nabolaget denne uka.",
    ],
    "språkkafé": [
        "Språkvenn-ordning der en nordmann og en ny innbygger møtes jevnlig.",
        "Kvinner fra ulike land kan lære norsk sammen mens barna leker.",
    ],
    "rydding": [
        "Hvert borettslag kan ta ansvar for å holde nærområdet rent en gang i måneden.",
        "Vi i velforeningen kan låne ut klyper og sekker til alle som vil plukke søppel.",
    ],
    "buss": [
        "Nattbuss i helgene, ungdommen blir strandet i byen.",
        "Bussen er alltid full om morgenen, sett inn flere avganger i rushtida.",
    ],
    "besøksvenn": [
        "Skoleklasser kan besøke sykehjemmet og spille spill med beboerne.",
        "Jeg bor alene og savner noen å gå tur med.",
    ],
    "snømåking": [
        "Bussholdeplassene blir aldri måkt, vi står i snødrev til knærne.",
        "Naboene kan hjelpe eldre med snømåking hvis kommunen låner ut snøfreser.",
    ],
    "lekeplass": [
        "Lekeplassen trenger gjerde, små barn løper rett ut i veien.",
        "Foreldrene kan male og snekre om kommunen stiller med materialer til lekeplassen.",
    ],
    "konserter": [
        "Musikkfestival for hele bydelen med lokale artister en helg i juni.",
        "Teater og dans for barn i gymsalen i helgene.",
    ],
    "helsesykepleier": [
        "Psykisk helsetilbud for unge bør finnes her, ikke bare i sentrum.",
    ],
    "frivilligsentral": [
        "Ei frivilligbørs der lag kan legge ut hva de trenger hjelp til.",
    ],
    "parsellhage": [
        "Skolehage der elevene dyrker poteter og lærer om mat.",
    ],
    "sykkelvei": [
        "Bysykkelstativ i bydelen, ikke bare i sentrum.",
    ],
    "turstier": [
        "Gapahuk og bålplass ved turstien som alle kan bruke.",
    ],
}

# Two more proposals.
CLUSTERS += [
    (
        "svømmehall",
        O,
        M,
        [
            "Svømmehallen har vært stengt i to år, barna lærer ikke å svømme.",
            "Vi trenger et basseng i bydelen, det nærmeste ligger en time unna.",
            "Åpne badeanlegget for publikum også på kveldene.",
            "Svømmeopplæringen på skolen blir avlyst fordi bassenget er ødelagt.",
            "Rehabiliter svømmehallen så vi får tilbake babysvømming og vanngym.",
        ],
    ),
    (
        "seniortreff",
        K,
        R,
        [
            "Trim for eldre i fellesrommet hver torsdag, vi kan lede det selv.",
            "Turgruppe for pensjonister som går i rolig tempo.",
            "Bingo og allsang på formiddagen for oss som er pensjonert.",
            "Seniordans i samfunnshuset, vi trenger bare en høyttaler.",
        ],
    ),
]
