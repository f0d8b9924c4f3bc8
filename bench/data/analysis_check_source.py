"""Source of bench/data/analysis_check.csv: a second, independent labelled set for clustering.

Written after the method was chosen on analysis_labelled.csv, on topics that set does not have,
so that it estimates how `cluster()` does on data nobody tuned on. Every text is invented; each
cluster is one proposal said in other words (paraphrases that share few words); singletons fit
no cluster. Regenerate: `python bench/data/make_analysis_check.py`.
"""

# ruff: noqa: E741
S = "Samskaping og deltakelse"
K = "Sosiale og kulturelle aktiviteter"
O = "Offentlige tjenester"
U = "Stedsutvikling"
M, R, P = "municipality", "residents", "partnership"

CLUSTERS = [
    (
        "vinterbading",
        K,
        P,
        [
            "En badstue nede ved kaia ville fått mange flere til å bade om vinteren.",
            "Vi som isbader trenger en stige og en våk som holdes åpen ved brygga.",
            "Kan det settes opp et lite varmeskur ved stranden for oss som dupper oss i januar?",
            "Kaldt vann og varm sauna – det er det beste jeg vet. Lag en flytende badstu i fjorden!",
            "Helårsbading krever garderobe som er åpen også når sesongen er over.",
            "Morgendukkerne ved odden har ikke noe sted å skifte når det er minusgrader.",
            "Badeplassen stenges i september, men mange av oss svømmer hele året.",
        ],
    ),
    (
        "hundepark",
        U,
        M,
        [
            "Et inngjerdet område der hundene kan løpe fritt uten bånd.",
            "Hundeeiere trenger en luftegård, nå slipper folk dem løs på fotballbanen.",
            "Vi har over hundre bikkjer i boligfeltet og ikke én hundepark.",
            "Lag en innhegning for valper og små hunder så de kan leke trygt.",
            "Hvor skal vi trene hunden vår? Alle friområdene har båndtvang.",
            "Et gjerde rundt den gamle grusbanen, så blir den perfekt for firbeinte.",
            "Agility-utstyr og vannpost for hunder i parken, takk.",
        ],
    ),
    (
        "kirkeparkering",
        O,
        M,
        [
            "Ved begravelser må folk parkere langs hovedveien fordi kirkebakken er full.",
            "For få plasser ved kapellet, eldre må gå langt i glatta.",
            "Utvid parkeringen ved kirken, særlig med plasser for rullestolbrukere.",
            "Søndag formiddag står bilene i grøfta rundt kirkegården.",
            "Kan skolens parkeringsplass åpnes for kirkegjengere i helgene?",
            "Når det er konfirmasjon er det totalt kaos med biler oppover bakken.",
            "HC-plasser nærmere inngangen til kirkestua, det er for bratt fra gjesteplassene.",
        ],
    ),
    (
        "skolemat",
        O,
        M,
        [
            "Alle elever burde få et varmt måltid midt på dagen.",
            "Gratis skolelunsj ville gjort mye for barn som kommer sultne på skolen.",
            "Mange unger har bare en brødskive i sekken, la skolen servere mat.",
            "Innfør skolefrokost, det er flere som ikke spiser hjemme før de går.",
            "Kantine på ungdomsskolen med sunn og billig mat i stedet for brus og boller.",
            "Frukt og grønt hver dag til elevene, betalt av kommunen.",
            "Læring går dårlig på tom mage – felles lunsj for hele barneskolen.",
        ],
    ),
    (
        "sparkesykler",
        U,
        M,
        [
            "Elsparkesyklene ligger slengt over hele fortauet, blinde snubler i dem.",
            "Egne parkeringsfelt for utleiesparkesykler ved stasjonen.",
            "Det er livsfarlig når ungdom suser på elektriske sparkesykler blant fotgjengerne.",
            "Begrens antallet løpehjul som leies ut, det flyter over alt.",
            "Jeg kommer ikke fram med barnevogna for alle de elektriske rullene som står midt i veien.",
            "Forby de utleide sparkesyklene om natta, det er mye fyll og ulykker.",
            "Operatørene må hente syklene som er kastet i bekken.",
        ],
    ),
    (
        "veistøy",
        U,
        M,
        [
            "Trafikkstøyen fra motorveien gjør at vi ikke kan sove med vinduet åpent.",
            "Sett opp støyskjerm langs E18 der den går forbi boligene.",
            "Det dundrer av tungtrafikk hele natta, barna våkner.",
            "Vi trenger lydvoller eller beplantning som demper bråket fra riksveien.",
            "Senk farten på gjennomfartsveien om natten så blir det roligere.",
            "Hagene våre er ubrukelige på grunn av all duringen fra veien.",
            "Stillere asfalt på hovedveien, det er for høyt lydnivå i nabolaget.",
        ],
    ),
    (
        "elbillading",
        U,
        P,
        [
            "Vi som bor i borettslag har ingen mulighet til å lade elbilen.",
            "Flere ladepunkter på den kommunale parkeringen ved senteret.",
            "Hurtiglader i bydelen, nærmeste er en halvtime unna.",
            "Kan kommunen hjelpe sameiene med å få strøm fram til garasjene?",
            "Det står alltid kø ved de to laderne ved idrettshallen.",
            "Ladestolper langs gata for oss som parkerer ute.",
            "Støtt utbygging av ladeanlegg i fellesgarasjer.",
        ],
    ),
    (
        "fastlege",
        O,
        M,
        [
            "Jeg har stått uten fastlege i over et år.",
            "Legekontoret tar ikke imot nye pasienter, hva skal vi gjøre?",
            "Det tar tre uker å få time hos doktoren.",
            "Kommunen må rekruttere flere allmennleger hit.",
            "Legevakten er eneste mulighet når listen til legen min er full.",
            "Ventetiden på legetime er uholdbar for kronisk syke.",
            "Et nytt helsesenter med flere leger ville gitt oss trygghet.",
        ],
    ),
    (
        "barnehage",
        O,
        M,
        [
            "Vi fikk ikke plass i barnehagen før ungen var nesten to år.",
            "Kommunen må bygge flere barnehager i nærheten av de nye boligfeltene.",
            "Opptak bare i august gjør det umulig å gå tilbake på jobb etter permisjonen.",
            "Vi må kjøre tjue minutter hver vei for å levere i barnehage.",
            "Flere småbarnsplasser, køen er alt for lang.",
            "Åpningstiden i barnehagen passer ikke for foreldre som jobber turnus.",
            "Løpende opptak til barnehageplass hele året, ikke bare om høsten.",
        ],
    ),
    (
        "pollinatorer",
        U,
        R,
        [
            "Slå gresset sjeldnere i parken så blomstene får stå for humlene.",
            "Vi kan lage blomstereng på jordet bak skolen for biene.",
            "Plant stauder og frukttrær som gir mat til insektene.",
            "Sett ut insekthotell og bikuber i parkene.",
            "Kommunen klipper plenene helt ned, det er ingenting igjen for sommerfuglene.",
            "Villblomster i rabattene i stedet for stemorsblomster.",
            "En birøkter kunne lært barna om honning og pollinering.",
        ],
    ),
    (
        "overvann",
        O,
        M,
        [
            "Hver gang det regner kraftig står det vann i kjelleren vår.",
            "Kummene i gata klarer ikke unna når det pøsregner.",
            "Kommunen må rense slukene før høsten, de er tette av løv.",
            "Bekken går over sine bredder og oversvømmer hagene i nedre del av feltet.",
            "Ved styrtregn blir undergangen en innsjø.",
            "Regnbed og grøfter som tar unna flomvannet.",
            "Avløpsnettet er for gammelt og gir tilbakeslag i boligene.",
        ],
    ),
    (
        "lokalhistorie",
        K,
        P,
        [
            "Sett opp skilt som forteller historien til de gamle gårdene.",
            "Den gamle kvernhuset ved elva burde restaureres og vises fram.",
            "Vi som er eldre kan fortelle ungene hvordan det var her før.",
            "En kulturhistorisk vandring med QR-koder langs stien.",
            "Samle gamle bilder av bygda og lag en utstilling.",
            "Historielaget trenger et sted å vise fram samlingen sin.",
            "Informasjonstavler om krigsminnene i skogen.",
        ],
    ),
    (
        "båtrute",
        O,
        M,
        [
            "Båtforbindelsen til øyene må gå også på vinteren.",
            "Flere avganger med ferja i helgene, den er full av turfolk.",
            "Hurtigbåten stopper ikke lenger ved vår brygge.",
            "Vi på Holmen er avhengig av båt for å komme på jobb.",
            "Kan sjøbussen ta med sykler og barnevogner?",
            "Siste båt fra byen går altfor tidlig på kvelden.",
            "Øyboerne blir isolert når rutebåten innstilles.",
        ],
    ),
    (
        "mobildekning",
        O,
        P,
        [
            "Det er null dekning nede i dalen, vi kan ikke engang ringe nødnummeret.",
            "Telefonen mister signal så fort man kommer forbi bommen.",
            "Vi trenger en ny mobilmast, hjemmekontor er umulig.",
            "Bredbåndet er så tregt at ungene ikke får gjort lekser på nett.",
            "Fiber til de siste husene i grenda.",
            "Nettet faller ut hver kveld, det er uholdbart.",
            "Kommunen må presse operatørene til å bygge ut dekning i utkanten.",
        ],
    ),
    (
        "drikkevann",
        U,
        M,
        [
            "Vannfontener i parkene så barna slipper å kjøpe brus.",
            "Det finnes ikke et eneste sted å fylle vannflaska langs løypa.",
            "Sett opp en vannpost ved lekeplassen.",
            "På varme dager er det ingen steder å få seg noe å drikke ute.",
            "Drikkefontene ved skateparken og idrettsbanen.",
            "Gratis springvann tilgjengelig på torget, for turister og joggere.",
        ],
    ),
]

SINGLETONS = [
    ("Vi ønsker et julemarked på torget i desember.", K, P),
    ("Gatenavnet vårt staves feil på skiltet.", O, M),
    ("Det bør være lov å ha høner i hagen.", S, M),
    ("Kommunen bør vurdere å vennskapsby med en by i Polen.", S, M),
    ("Skolekorpset mangler instrumenter.", K, R),
    ("Kan rådhuset ha åpent på kveldstid en dag i uken?", O, M),
    ("Et felles musikkrom der folk kan øve på trommer uten å plage naboene.", K, P),
    ("Jeg vil at kommunen skal plante et tre for hver baby som blir født.", U, M),
]
