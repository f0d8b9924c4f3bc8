"""Writes analysis_check2.csv: a third labelled set (208 invented inputs, 27 clusters, 15
singletons, 21 near-duplicate variants), written on 2026-11-29 by a helper that saw neither
the other sets nor the thesaurus (veikart/analysis/data/concepts_nb.txt), after the method was
chosen; used for nothing but estimating. Usage: python bench/data/make_analysis_check2.py
"""

import csv
import random
from pathlib import Path

SO, SK, OT, SU = (
    "Samskaping og deltakelse",
    "Sosiale og kulturelle aktiviteter",
    "Offentlige tjenester",
    "Stedsutvikling",
)
M, R, P = "municipality", "residents", "partnership"
clusters = {
    # slug: (focus, realiser, [texts])
    "gatelys-turveien": (
        SU,
        M,
        [
            "Gangveien fra Borgen ned til stasjonen er helt mørk om vinteren. Det trengs flere lyktestolper der.",
            "Jeg bruker lommelykta på mobilen når jeg går hjem fra bussen etter jobb, det burde ikke være nødvendig.",
            "Datteren min tør ikke gå snarveien gjennom skogholtet etter trening fordi det er bekmørkt.",
            "Bedre belysning langs stiene, takk!",
            "Flere av lampene ved lekeplassen har vært ødelagt siden i høst, og ingen har skiftet dem.",
            "Det er så mørkt bak garasjene at man ikke ser hvem som står der.",
            "Fokusgruppe aktiv hele livet: eldre unngår å gå ut på ettermiddagen i mørketida fordi turveien mangler lys.",
            "Det er altfor mørkt på gangstien ved Hagaløkka, ein ser knapt kvar ein set føtene.",
        ],
    ),
    "fartsdumper-boligveien": (
        SU,
        M,
        [
            "Bilene kjører altfor fort i Borgenveien, særlig om morgenen når barna går til skolen.",
            "Vi trenger fartshumper utenfor skolen.",
            "Folk bruker boligveien vår som snarvei og holder 60 der det er 30-sone. Noen kommer til å bli påkjørt.",
            "Sønnen min ble nesten truffet av en bil som kom i full fart rundt svingen ved barnehagen.",
            "Kan kommunen sette opp fartsdisplay eller innsnevringer så bilistene senker farten?",
            "Barnetråkk: mange elever markerte Borgenveien som skummel fordi bilene kjører raskt.",
            "Dem kjører som gærninger forbi lekeplassen, det må komme noen dumper der.",
        ],
    ),
    "trygg-kryssing-hovedveien": (
        SU,
        M,
        [
            "Det er livsfarlig å krysse hovedveien for å komme til butikken, det mangler et skikkelig fotgjengerfelt.",
            "Vi ønsker en gangbro eller undergang over Slemmestadveien.",
            "Når jeg skal til bussen med barnevogn må jeg løpe over fire felt. Lysregulert overgang hadde hjulpet.",
            "Fotgjengerfeltet ved rundkjøringen ligger rett bak svingen, bilistene ser deg ikke før i siste liten.",
            "Veien deler bydelen i to. Barna fra Askerlia kommer seg ikke trygt over til idrettsbanen.",
            "Åpen nærmiljøsentral: eldre kvinne ber om lengre grønn-tid på lyset ved krysset, hun rekker ikke over.",
        ],
    ),
    "broyting-stroing-fortau": (
        OT,
        M,
        [
            "Fortauene blir ikke brøytet før langt utpå dagen, så vi må gå i veibanen.",
            "Mora mi brakk håndleddet på isen utenfor butikken i fjor vinter. Det må strøs bedre.",
            "Bakken opp til skolen er som ei skøytebane hele februar.",
            "Brøytebilen lager en vegg av snø foran gangstien, så man ikke kommer forbi med rullator.",
            "Strø sand på trappene ved Kulturhagen, takk.",
            "Jeg tør ikke gå ut alene når det er glatt. Blir sittende inne i ukesvis.",
            "Brøyting av fortau må prioriterees, barnevogna kommer ikke frem",
        ],
    ),
    "helsestasjon-drop-in": (
        OT,
        M,
        [
            "Helsestasjonen burde ha drop-in uten timebestilling en ettermiddag i uka.",
            "Det er vanskelig å få time hos helsesøster, jeg ventet tre uker da babyen hadde utslett.",
            "Intervju på helsestasjonen: mødrene ønsker åpningstid etter kl. 16 så fedrene også kan komme.",
            "Ungdommene trenger en helsestasjon de kan stikke innom etter skolen uten å bestille time.",
            "Åpne helsestasjonen på kveldstid! Mange av oss jobber skift.",
            "Jeg måtte ta fri fra jobb tre ganger for vaksinekontroller. Ikke alle har fleksibel arbeidstid.",
        ],
    ),
    "info-pa-flere-sprak": (
        SO,
        M,
        [
            "Informasjon fra kommunen må komme på flere språk, ikke bare norsk.",
            "Mange i blokka vår visste ikke om nærmiljøkonferansen fordi invitasjonen bare var på norsk.",
            "Skriv enklere! Brevene fra kommunen er vanskelige selv for oss som er født her.",
            "Konferanse Somalisk trossamfunn: ønske om at viktig informasjon fra skole og kommune oversettes til somali, også som lydfil.",
            "Kan dere lage plakater med bilder og enkle ord om hva som skjer i området?",
            "Jeg har bodd her i fem år og fikk først nå vite at vi kan komme med forslag til kommunen.",
            "Ha info på arabisk, urdu og polsk på nettsidene, og oversett invitasjonene til møter.",
        ],
    ),
    "skatepark-aktivitetspark": (
        SU,
        M,
        [
            "Vi vil ha skatepark på Borgen! Nå må vi ta bussen helt til sentrum for å skate.",
            "Ballbingen er ødelagt og nettet henger i filler. Lag en aktivitetspark med ramper og parkour.",
            "Barnetråkk: flere elever på 6. trinn tegnet inn ønske om skateramper ved skolen.",
            "Det finnes ingenting å gjøre ute for oss som er for gamle for lekeplassen.",
            "Ungdommen trenger et sted å være aktive ute, for eksempel en pumptrack for sykkel og sparkesykkel.",
            "Gressbanen ved skolen står tom, der kunne det vært ramper og en basketbane.",
        ],
    ),
    "gatefest-naboer": (
        SK,
        R,
        [
            "Vi burde ha en årlig gatefest der alle i nabolaget kan møtes.",
            "Jeg kjenner ikke navnet på en eneste nabo i oppgangen, selv etter fire år. Noe sosialt om sommeren hadde vært fint.",
            "Gjestebud: gjestene foreslo sommerfest på plenen mellom blokkene, der alle tar med en rett.",
            "Hva med en felles grillkveld for hele borettslaget i juni?",
            "Naboene på Hagaløkka kunne samles en gang i året til en skikkelig nabofest med musikk og leker for barna.",
            "Før hadde vi julegrøt i fellesrommet, det savner jeg. Kan vi ikke starte med det igjen?",
            "Æ syns vi sku hatt fest ute i gata en gong om sommarn, så folk blir kjent",
            "Lag en nabodag med kaker, kaffe og hoppeslott!",
        ],
    ),
    "dugnad-uteomrader": (
        SU,
        R,
        [
            "Vi kan ha felles dugnad for å rydde søppel og klippe busker rundt blokkene.",
            "Det flyter med plast i bekken bak skolen. Jeg stiller gjerne opp en lørdag for å rydde.",
            "Plant blomster i kassene ved inngangen, det er så trist og grått.",
            "Fokusgruppe boligstruktur: beboerne vil organisere vårdugnad på tvers av borettslagene, ikke bare hvert lag for seg.",
            "Hvis hver familie tar ansvar for et lite bed, kunne uteområdet blitt mye finere.",
            "Rydde-aksjon i skogen med skoleklassene og foreldrene!",
        ],
    ),
    "turgruppe-seniorer": (
        SK,
        R,
        [
            "En fast turgruppe for pensjonister hver tirsdag formiddag hadde vært fint.",
            "Etter at mannen min døde går jeg ikke tur lenger, det er kjedelig å gå alene.",
            "Vi eldre trenger å komme oss ut og bevege oss sammen med andre, i rolig tempo.",
            "Gå-gruppe fra Kulturhagen med kaffe etterpå?",
            "Fokusgruppe aktiv hele livet: forslag om seniortrim ute i parken, ledet av en av deltakerne.",
            "Jeg er 72 og sprek, og vil gjerne lede en turgruppe hvis noen blir med.",
        ],
    ),
    "nabolagsgruppe-digital": (
        SO,
        R,
        [
            "Lag en Facebook-gruppe for hele Borgen så vi kan dele beskjeder, tips og ting som er på avveie.",
            "Jeg får aldri vite hva som skjer i nærmiljøet før det er over.",
            "En felles oppslagstavle, gjerne på nett, der lag og naboer kan legge ut arrangementer.",
            "En nabogruppe på Messenger eller lignende for oppgangen vår, så vi kan si fra om ting.",
            "Det skjer mye bra her, men ingen vet om det. Noen må samle det på ett sted.",
        ],
    ),
    "sprakkafe": (
        SK,
        R,
        [
            "Språkkafé på biblioteket der man kan øve norsk med frivillige.",
            "Jeg har gått på norskkurs i to år, men jeg snakker nesten aldri norsk med nordmenn.",
            "Samtalegruppe for kvinner som vil praktisere norsk, gjerne med barnepass.",
            "Gjestebud: pensjonert lærer tilbyr seg å snakke norsk med nyankomne en kveld i uka.",
            "Mamma forstår ikke så mye norsk og tør ikke prate med naboene. Hun trenger et sted å øve uten å skamme seg.",
            "Kaffe og prat på norsk for alle som lærer språket. Jeg kan stille som vert.",
            "sprokafe for dem som vil lære norsk bedre",
        ],
    ),
    "byttemarked-barneutstyr": (
        SK,
        R,
        [
            "Byttemarked for barneklær og sportsutstyr to ganger i året.",
            "Ungene vokser ut av skiene hvert år, det er dyrt å kjøpe nytt hele tiden.",
            "Vi har en bod full av barneklær som noen andre kunne brukt.",
            "Bruktmarked i gymsalen der folk kan gi bort eller bytte ting?",
            "Fokusgruppe oppvekst: foreldre vil arrangere skibytte i oktober.",
        ],
    ),
    "nabohjelp": (
        SO,
        R,
        [
            "En liste over naboer som kan hjelpe hverandre med småting, som å bære varer eller skifte lyspære.",
            "Jeg har ingen familie i Norge, og når jeg er syk er det ingen som kan handle for meg.",
            "Vi som er pensjonister har tid, og kan passe barn eller følge til tannlegen for dem som trenger det.",
            "Nabohjelp-ordning: du gir litt, du får litt.",
            "Om noen i oppgangen trenger hjelp med å montere en hylle eller bære et skap, burde det være lett å spørre.",
            "Gjestebud: flere ønsket en «hjelp en nabo»-tavle i fellesvaskeriet.",
        ],
    ),
    "matfestival-kulturer": (
        SK,
        R,
        [
            "Matfestival der hver familie lager mat fra sitt land.",
            "Her bor folk fra over 60 land. La oss feire det med en internasjonal kveld!",
            "Konferanse Somalisk trossamfunn: forslag om felles kulturfest med musikk, dans og mat fra ulike land.",
            "Jeg vil gjerne lære å lage sambusa, og naboen min vil lære å bake lefse. Matkurs på tvers!",
            "En mangfoldsfestival på Borgen hver høst.",
            "Kvifor ikkje ein kulturkveld der alle får vise fram litt frå heimlandet sitt?",
        ],
    ),
    "velkomst-nye-naboer": (
        SO,
        R,
        [
            "Når noen flytter inn burde de få en velkomstpakke med informasjon om området og en hilsen fra naboene.",
            "Da vi flyttet hit var det ingen som sa hei på flere måneder.",
            "Naboverter som tar imot nye familier og viser dem butikken, skolen og bussen.",
            "Nye innbyggere vet ikke hvilke lag og foreninger som finnes. Noen bør banke på og fortelle.",
            "Borettslaget kunne invitere nyinnflyttede på kaffe en gang i halvåret.",
        ],
    ),
    "natteravner-kveldsvandring": (
        SO,
        R,
        [
            "Start opp natteravnene igjen på fredagskveldene.",
            "Det henger gjenger ved kiosken sent på kvelden, og jeg blir utrygg når jeg går forbi.",
            "Voksne ute på kveldstid gjør at ungdommene oppfører seg bedre. Foreldre kan gå i turnus.",
            "Jeg kan gå en runde i helgene hvis vi blir flere foreldre som gjør det sammen.",
            "Fokusgruppe foreldrerollen: foreldrene vil organisere kveldsvandringer selv, i gule vester.",
            "Det har vært innbrudd i bodene to ganger i år, vi trenger flere voksne øyne i området om kvelden.",
        ],
    ),
    "reparasjonskafe": (
        SK,
        R,
        [
            "Reparasjonskafé der vi fikser sykler, klær og småelektronikk sammen.",
            "Jeg er pensjonert elektriker og kan gjerne vise folk hvordan man reparerer lamper og brødristere.",
            "Så mange ødelagte sykler står i sykkelboden. Med litt hjelp kunne de blitt brukt igjen.",
            "Hvorfor kaste en bukse med hull? Sy-kveld der vi lapper klær og drikker te.",
            "Fiks-det-selv-verksted en lørdag i måneden, for miljøet og for lommeboka.",
        ],
    ),
    "ungdomsklubb-apningstid": (
        SK,
        P,
        [
            "Ungdomsklubben må være åpen flere kvelder, ikke bare onsdag.",
            "Vi har ingen steder å være i helgene, så vi henger på kjøpesenteret til vakta kaster oss ut.",
            "Fredagsåpent på fritidsklubben med film, spill og mat, kanskje med hjelp fra idrettslaget og foreldre.",
            "Barnetråkk: elever skrev at de ønsker et innendørs sted å være sammen etter skolen.",
            "Sønnen min er 14 og sitter bare på rommet og gamer. Han trenger et sted å treffe andre.",
            "Fritidsklubb for 10–13-åringer også, ikke bare for de store.",
            "Klubben burde holde åpent i sommerferien når alle andre tilbud stenger.",
            "ungdomsklubb hver dag plz, vi kjeder oss",
        ],
    ),
    "sommerjobb-ungdom": (
        OT,
        P,
        [
            "Sommerjobb for ungdom i nærmiljøet, for eksempel med å male benker og rydde parker.",
            "Min eldste sønn søkte på 30 jobber i fjor og fikk ikke én. Lokale bedrifter kunne tatt inn noen.",
            "Ungdom trenger sin første linje på CV-en. Butikkene på senteret og kommunen kan samarbeide om det.",
            "Fokusgruppe idrett: forslag om at ungdom får betalt for å være trenerassistenter om sommeren.",
            "Det er vanskelig å få jobb når foreldrene ikke har kontakter. Noen må åpne dører for ungdommen her.",
            "Feriejobb i kommunen for 15–17-åringer fra Borgen?",
        ],
    ),
    "leksehjelp": (
        OT,
        P,
        [
            "Gratis leksehjelp på biblioteket et par ettermiddager i uka.",
            "Jeg kan ikke hjelpe barna med matte fordi jeg ikke gikk på skole i Norge.",
            "Studenter eller pensjonerte lærere kunne hjelpe elevene med lekser etter skoletid.",
            "Leksehjelp på morsmål for de minste, sammen med skolen.",
            "Datteren min gir opp leksene når hun står fast, og vi har ikke råd til privatlærer.",
            "Intervju helsestasjon: flere mødre etterlyser hjelp til barnas skolearbeid.",
            "Leksekafé med frukt og ro, gjerne i regi av Røde Kors og skolen.",
        ],
    ),
    "parsellhage": (
        SU,
        P,
        [
            "Felles kjøkkenhage der vi kan dyrke grønnsaker sammen.",
            "Jeg kommer fra en gård og savner å ha jorda i hendene. Her har jeg bare en balkong.",
            "Den tomme gressplenen bak Kulturhagen kunne blitt parsellhage med pallekarmer.",
            "Dyrkekasser for barnehagebarna og de eldre sammen?",
            "Fokusgruppe friluftsliv: ønsker parseller; kommunen må stille areal og vann til disposisjon.",
            "Urtehage og bærbusker i parken som alle kan høste fra.",
            "Eg vil gjerne ha ein liten jordflekk å dyrke poteter på.",
        ],
    ),
    "besoksvenn-eldre": (
        SK,
        P,
        [
            "Besøksvenner for eldre som sitter alene hjemme.",
            "Naboen min på 89 har ikke hatt besøk på ukevis. Hun sier at TV-en er hennes eneste selskap.",
            "Frivilligsentralen og hjemmetjenesten kunne matche ensomme eldre med noen som kommer på kaffe.",
            "Ungdomsskoleelever kan besøke sykehjemmet som en del av valgfag, beboerne gleder seg sånn.",
            "Mange eldre innvandrere er veldig isolerte og snakker ikke norsk. De trenger besøk på sitt språk.",
            "Jeg ville gjerne vært besøksvenn, men vet ikke hvem jeg skal spørre.",
            "Ensomheten blant de gamle er det største problemet her, mener jeg.",
        ],
    ),
    "innbyggerhus-moteplass": (
        SU,
        P,
        [
            "Borgen mangler et felles samlingssted der alle kan komme innom uten å ha en avtale.",
            "Et innbyggerhus med kafé, møterom som lag kan låne, og kommunale tjenester i samme bygg.",
            "Vi har lyst til å arrangere ting, men finner ikke lokaler som er billige nok.",
            "Når det regner er det ingen steder å treffes her, bortsett fra kjøpesenteret.",
            "Nærmiljøkonferanse: ønske om et åpent hus drevet sammen av frivillige, kommunen og næringslivet.",
            "Den gamle barnehagen står tom. Gjør den om til et møtested for bydelen!",
            "Et sted der bestemor og barnebarn kan komme innom samtidig, midt i bydelen.",
        ],
    ),
    "lokalsamfunnsutvalg": (
        SO,
        P,
        [
            "Innbyggerne burde ha et eget utvalg som følger opp planen og snakker med politikerne.",
            "Vi sier hva vi mener på møter, men hører aldri hva som skjer med forslagene etterpå.",
            "Ad hoc-utvalget: ønske om en fast arena der lag, foreninger og kommunen møtes jevnlig.",
            "Det må være noen fra Borgen med i styringen, ikke bare folk fra rådhuset.",
            "Lokalutvalg med representanter fra borettslag, idrettslag, moskeen og skolene.",
            "Jeg vil gjerne være med og bestemme, men vet ikke hvor jeg skal henvende meg.",
        ],
    ),
    "fritidskort-lavinntekt": (
        OT,
        P,
        [
            "Barna i familier med dårlig råd må få være med på fotball og svømming uten å betale.",
            "Treningsavgiften i idrettslaget er 3000 kroner. Vi har tre barn, det går ikke.",
            "Fritidskort som dekker kontingent for alle barn, finansiert av kommunen og lagene sammen.",
            "Fokusgruppe idrett: lagene vil ha flere barn med, men trenger støtte for å kunne gi friplasser.",
            "Min sønn sier han ikke liker fotball, men egentlig vet han at vi ikke har råd.",
            "Gratis kulturskole for barn som ellers ikke har mulighet.",
        ],
    ),
    "jobbkurs-innvandrerkvinner": (
        OT,
        P,
        [
            "Kurs for innvandrerkvinner som vil ut i jobb, med praksisplass i lokale bedrifter.",
            "Jeg har vært hjemme med barna i åtte år og vet ikke hvordan jeg skal begynne å søke jobb.",
            "Intervju helsestasjon: mødrene ønsker opplæring i data og CV-skriving, med barnepass samtidig.",
            "NAV, frivilligsentralen og butikkene her kunne sammen gi kvinnene arbeidstrening.",
            "Mange damer i blokka har utdanning fra hjemlandet som ikke blir godkjent. De trenger hjelp videre.",
            "Lag et kvinnenettverk for jobbsøking, der de som har fått jobb hjelper de neste.",
        ],
    ),
}
singletons = [
    (
        SU,
        M,
        "Flere søppelkasser langs turveien, og de må tømmes oftere. Nå ligger hundeposene strødd.",
    ),
    (
        OT,
        P,
        "Bussen går bare en gang i timen etter kl. 20. Det må bli flere avganger på kvelden og i helgene.",
    ),
    (SU, R, "Borettslaget bør gå sammen om ladepunkter for elbil i garasjeanlegget."),
    (
        SK,
        P,
        "Åpen dag i kirken og moskeen samme helg, så naboene kan bli kjent med hverandres tro.",
    ),
    (
        SU,
        P,
        "Lovlig graffitivegg i undergangen, så ungdommene kan male der i stedet for på husveggene.",
    ),
    (
        OT,
        M,
        "Det er ingen fastlege med ledig plass i nærheten. Vi må ta to busser for å komme til legen.",
    ),
    (SK, R, "Jeg savner å synge. Kunne vi startet et nabolagskor for voksne, uten opptaksprøve?"),
    (SU, M, "Skilt og kart over turstiene, så nye folk finner fram i skogen."),
    (SU, P, "En gapahuk med bålplass i skogen ovenfor skolen, som turlaget og skolen kan bruke."),
    (
        SK,
        R,
        "Strikkekafé for alle som liker håndarbeid, vi kan møtes hjemme hos hverandre på omgang.",
    ),
    (
        SO,
        R,
        "Styrene i borettslagene består av de samme ildsjelene år etter år. Flere med innvandrerbakgrunn bør stille til valg.",
    ),
    (OT, P, "Svømmeopplæring for voksne kvinner, med egne tider i bassenget uten menn til stede."),
    (OT, M, "Foreldreveiledningskurs på flere språk, for oss som oppdrar barn i et nytt land."),
    (SK, R, "Sjakklubb for barn og voksne, gjerne på lørdager. Jeg har brett og klokker."),
    (
        SK,
        R,
        "Historievandring i området med dem som har bodd her siden blokkene ble bygd på 70-tallet.",
    ),
]
# near-duplicates: (cluster, index of source in list, variant text)
dups = [
    (
        "gatelys-turveien",
        1,
        "Hei! Jeg bruker lommelykta på mobilen når jeg går hjem fra bussen etter jobb, det burde ikke være nødvendig.",
    ),
    ("gatelys-turveien", 3, "bedre belysnig langs stiene takk"),
    ("fartsdumper-boligveien", 1, "Vi trenger fartshumper utafor skolen!!"),
    (
        "fartsdumper-boligveien",
        0,
        "Bilene kjører altfor fort i Borgenveien, særlig om morran når barna skal til skolen.",
    ),
    (
        "trygg-kryssing-hovedveien",
        0,
        "Det er livsfarlig å krysse hovedveien for å komme til butikken. Det mangler et skikkelig fotgjengerfelt!",
    ),
    (
        "broyting-stroing-fortau",
        2,
        "Bakken opp til skolen er som ei skøytebane hele februar. Hilsen en bekymret mor",
    ),
    ("info-pa-flere-sprak", 0, "informasjon fra kommunen må komme på flere språk ikke bare norsk"),
    (
        "skatepark-aktivitetspark",
        0,
        "vi vil ha skatepark på borgen!! nå må vi ta bussen helt til sentrum for å skate",
    ),
    ("gatefest-naboer", 0, "Vi burde ha en årleg gatefest der alle i nabolaget kan møtes"),
    (
        "turgruppe-seniorer",
        0,
        "En fast turgruppe for pensjonister hver tirsdag formiddag ville vært fint.",
    ),
    (
        "sprakkafe",
        1,
        "Jeg har gått på norskkurs i 2 år men snakker nesten aldri norsk med nordmenn",
    ),
    ("velkomst-nye-naboer", 1, "Da vi flytta hit var det ingen som sa hei på flere måneder."),
    (
        "ungdomsklubb-apningstid",
        1,
        "Vi har ingen steder å være i helgene så vi henger på kjøpesenteret til vaktene kaster oss ut",
    ),
    ("ungdomsklubb-apningstid", 7, "ungdomsklubb hver dag pls vi kjeder oss!!!"),
    ("leksehjelp", 0, "Gratis leksehjelp på biblioteket et par ettermiddager i uken, takk."),
    ("besoksvenn-eldre", 0, "Hei, jeg foreslår besøksvenner for eldre som sitter alene hjemme."),
    (
        "innbyggerhus-moteplass",
        1,
        "Et innbyggerhus med kafe, møterom som lagene kan låne og kommunale tjenester i samme bygg",
    ),
    (
        "lokalsamfunnsutvalg",
        1,
        "Vi sier hva vi mener på møtene, men hører aldri hva som skjer med forslagene etterpå. Frustrerende.",
    ),
    (
        "fritidskort-lavinntekt",
        1,
        "Treningsavgiften i idrettslaget er 3000 kr. Vi har tre barn, det går bare ikke.",
    ),
    ("natteravner-kveldsvandring", 0, "Start opp igjen natteravnene på fredagskveldene"),
    (
        "jobbkurs-innvandrerkvinner",
        0,
        "Kurs for innvandrerkvinner som vil ut i jobb med praksisplass i lokale bedrifter",
    ),
]
rows = []  # (key, text, cluster, focus, realiser, dupkey)
for slug, (fa, rl, texts) in clusters.items():
    for i, t in enumerate(texts):
        rows.append(((slug, i), t, slug, fa, rl, None))
for j, (fa, rl, t) in enumerate(singletons):
    rows.append((("", j), t, "", fa, rl, None))
for j, (slug, i, t) in enumerate(dups):
    fa, rl, _ = clusters[slug]
    rows.append(((slug, f"d{j}"), t, slug, fa, rl, (slug, i)))
random.Random(20240611).shuffle(rows)
ids = {r[0]: f"k{n + 1}" for n, r in enumerate(rows)}
with open(
    Path(__file__).resolve().parent / "analysis_check2.csv", "w", newline="", encoding="utf-8"
) as f:
    w = csv.writer(f)
    w.writerow(["id", "text", "cluster", "focus_area", "realiser", "dup_of"])
    for r in rows:
        w.writerow([ids[r[0]], r[1], r[2], r[3], r[4], ids[r[5]] if r[5] else ""])
