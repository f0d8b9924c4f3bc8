"""Invented Norwegian content for the Borgen demo. No real person's name or contact anywhere.

Ideas are grouped by who can realise them. Each idea has a focus area (slug), a title, a
description and several ways residents might phrase it; inputs are made from the phrasings.
"""

FOCUS_AREAS = [
    (
        "samskaping",
        "Samskaping og deltakelse",
        "Innbyggere, lag, foreninger, næringsliv og kommunen skaper lokalsamfunnet sammen; "
        "flere deltar og blir hørt.",
    ),
    (
        "aktiviteter",
        "Sosiale og kulturelle aktiviteter",
        "Møteplasser, kultur, idrett og fritid for alle aldre og bakgrunner.",
    ),
    (
        "tjenester",
        "Offentlige tjenester",
        "Barnehage, skole, helsestasjon, NAV og andre tjenester som når alle.",
    ),
    (
        "stedsutvikling",
        "Stedsutvikling",
        "Trygge gater og stier, grøntområder, lys, boliger og gode uterom.",
    ),
]

PLACES = ["på Borgen", "på Hagaløkka", "i Askerlia"]

# (focus area, title, description, phrasings)
MUNICIPALITY_IDEAS = [
    (
        "stedsutvikling",
        "Bedre belysning på gangstiene",
        "Flere og bedre lys langs gangstier og snarveier, så det føles trygt å gå om kvelden.",
        [
            "Stien bak skolen er helt mørk om vinteren, vi trenger lys der.",
            "Det er skummelt å gå hjem etter trening fordi det ikke er lys på stien.",
            "Mer gatelys takk! Særlig ved undergangen.",
        ],
    ),
    (
        "stedsutvikling",
        "Trygg skolevei",
        "Fartsdumper, fotgjengerfelt og skilting der barna krysser veien til skolen.",
        [
            "Bilene kjører altfor fort forbi skolen om morgenen.",
            "Vi trenger et ordentlig fotgjengerfelt ved krysset, barna må løpe over.",
            "Fartsdumper på veien ned mot skolen hadde gjort skoleveien tryggere.",
        ],
    ),
    (
        "tjenester",
        "Lengre åpningstid på helsestasjonen",
        "Helsestasjonen åpen noen ettermiddager, så foreldre i jobb også kan komme.",
        [
            "Det er vanskelig å rekke helsestasjonen når man jobber til fire.",
            "Kan helsestasjonen ha åpent en kveld i uka?",
            "Åpningstidene passer ikke for oss som jobber skift.",
        ],
    ),
    (
        "tjenester",
        "Tolk og informasjon på flere språk",
        "Informasjon fra kommunen og skolen på flere språk, og tolk i viktige samtaler.",
        [
            "Mange foreldre forstår ikke skrivene fra skolen fordi de bare er på norsk.",
            "Det burde finnes informasjon på somali og arabisk om barnehageplass.",
            "Vi trenger tolk på foreldremøtene.",
        ],
    ),
    (
        "tjenester",
        "Flere barnehageplasser i nærområdet",
        "Nok barnehageplasser nær der folk bor, også ved opptak midt i året.",
        [
            "Vi fikk barnehageplass langt unna, det er umulig uten bil.",
            "Det trengs flere barnehageplasser her, køen er for lang.",
        ],
    ),
    (
        "stedsutvikling",
        "Rehabilitere ballbingen",
        "Ballbingen trenger nytt dekke, nye mål og nett.",
        [
            "Ballbingen er helt ødelagt, målene har ikke nett.",
            "Kunstgresset i ballbingen er slitt ned til asfalten.",
        ],
    ),
    (
        "stedsutvikling",
        "Flere benker og søppeldunker",
        "Benker å hvile på og søppeldunker langs turveiene.",
        [
            "Eldre trenger benker å hvile på når de går tur.",
            "Det er for få søppeldunker, derfor flyter det med søppel.",
            "Sett ut noen benker langs turveien, da kan vi sitte og prate.",
        ],
    ),
    (
        "tjenester",
        "Leksehjelp på skolen",
        "Gratis leksehjelp etter skoletid for alle elever som trenger det.",
        [
            "Mange barn får ikke hjelp med lekser hjemme.",
            "Leksehjelp etter skolen hadde vært gull for oss.",
        ],
    ),
    (
        "tjenester",
        "Svømmeopplæring for barn og voksne",
        "Svømmekurs for barn og for voksne som aldri lærte å svømme.",
        [
            "Mange av mødrene her kan ikke svømme og vil gjerne lære.",
            "Barna burde få mer svømmeopplæring på skolen.",
        ],
    ),
    (
        "stedsutvikling",
        "Oppgradere undergangen",
        "Lysere, renere og malt undergang med bedre sikt.",
        [
            "Undergangen er mørk og full av tagging, jeg unngår den.",
            "Kan kommunen male undergangen og sette opp lys?",
        ],
    ),
    (
        "tjenester",
        "Fast kontaktperson i NAV for området",
        "En kjent kontaktperson fra NAV som er til stede lokalt.",
        [
            "Det hadde vært fint å ha en fast person fra NAV her på Borgen.",
            "NAV burde ha kontortid på nærmiljøsentralen.",
        ],
    ),
    (
        "stedsutvikling",
        "Snørydding på fortauene",
        "Bedre brøyting og strøing av fortau og gangveier om vinteren.",
        [
            "Fortauene blir aldri brøytet, man må gå i veien.",
            "Det er glatt og farlig for eldre om vinteren.",
        ],
    ),
    (
        "tjenester",
        "Åpen barnehage for hjemmeværende",
        "Et åpent barnehagetilbud der foreldre og små barn kan møtes.",
        [
            "Vi som er hjemme med små barn har ingen steder å gå.",
            "Åpen barnehage hadde gjort det lettere å bli kjent med andre foreldre.",
        ],
    ),
    (
        "samskaping",
        "Innbyggertorg med kommunal tilstedeværelse",
        "Et fast sted der kommunen er til stede og innbyggere kan komme innom.",
        [
            "Det burde være et sted der man kan treffe kommunen uten timeavtale.",
            "Kommunen må være mer synlig her ute, ikke bare på rådhuset.",
        ],
    ),
]

RESIDENTS_IDEAS = [
    (
        "aktiviteter",
        "Nabolagsfest hver sommer",
        "En årlig fest i nabolaget der alle er invitert og tar med seg mat.",
        [
            "Vi kunne hatt en stor nabofest med mat fra alle land.",
            "Sommerfest på plenen, der alle tar med noe å spise!",
            "En felles fest hadde gjort at vi ble bedre kjent.",
        ],
    ),
    (
        "aktiviteter",
        "Strikkekafé og håndarbeidsgruppe",
        "En uformell gruppe som møtes for å strikke, sy og prate.",
        [
            "Jeg vil gjerne starte en strikkegruppe for damer i alle aldre.",
            "Syklubb med kaffe, det hadde vært koselig.",
        ],
    ),
    (
        "aktiviteter",
        "Turgruppe for alle",
        "Faste turer i nærområdet der hvem som helst kan bli med.",
        [
            "Vi kan gå tur sammen hver søndag, så blir ingen alene.",
            "En turgruppe for folk som ikke kjenner så mange her.",
        ],
    ),
    (
        "samskaping",
        "Velkomstvenner for nye naboer",
        "Naboer som ønsker nye innbyggere velkommen og viser dem rundt.",
        [
            "Når noen flytter hit burde en nabo banke på og si hei.",
            "Jeg kunne vært fadder for nye familier i blokka.",
        ],
    ),
    (
        "aktiviteter",
        "Felles dugnad i borettslagene",
        "Dugnader med grilling etterpå, der naboer gjør uteområdet fint sammen.",
        ["Mer dugnad, og så griller vi etterpå!", "Vi burde rydde lekeplassen sammen en lørdag."],
    ),
    (
        "aktiviteter",
        "Matlagingskurs på tvers av kulturer",
        "Naboer lærer hverandre å lage mat fra hjemlandene sine.",
        [
            "Jeg kan lære bort somalisk mat om noen lærer meg norsk mat.",
            "Matkurs der vi bytter oppskrifter hadde vært gøy.",
        ],
    ),
    (
        "aktiviteter",
        "Leksehjelp fra naboer og studenter",
        "Frivillige naboer og studenter hjelper barn med lekser.",
        [
            "Jeg er pensjonert lærer og kan hjelpe barn med matte.",
            "Studenter som bor her kan gi leksehjelp en kveld i uka.",
        ],
    ),
    (
        "samskaping",
        "Facebook-gruppe for nabolaget",
        "En felles side der naboer deler nyheter, spør om hjelp og låner ting.",
        [
            "Vi trenger en Facebook-gruppe for hele Borgen.",
            "En nabogruppe på nett der man kan låne en drill eller få hjelp.",
        ],
    ),
    (
        "aktiviteter",
        "Språkkafé",
        "Uformell samtaletrening i norsk over en kopp kaffe.",
        [
            "Jeg vil gjerne øve på norsk med noen, ikke bare på kurs.",
            "Språkkafé på biblioteket eller i kjelleren til borettslaget.",
        ],
    ),
    (
        "aktiviteter",
        "Fotballturnering for barn og ungdom",
        "En årlig turnering der lagene blandes på tvers av nabolagene.",
        [
            "Vi kan lage en fotballcup for alle barna i området.",
            "Ungdommen vil ha turnering i ballbingen om sommeren.",
        ],
    ),
    (
        "samskaping",
        "Nabovarsling og hjelp til eldre",
        "Naboer som ser til eldre som bor alene, og handler for dem ved behov.",
        [
            "Mange eldre bor alene, vi naboer kan se innom.",
            "Jeg kan handle for naboen min når det er glatt ute.",
        ],
    ),
    (
        "aktiviteter",
        "Byttemarked for klær og utstyr",
        "Bytte barneklær, sportsutstyr og leker mellom familier.",
        [
            "Barna vokser så fort, et byttemarked for klær hadde vært fint.",
            "Bytt ski og skøyter i stedet for å kaste dem.",
        ],
    ),
    (
        "aktiviteter",
        "Felles parsellhage",
        "En hage der naboer dyrker grønnsaker og blomster sammen.",
        [
            "Vi kan dyrke grønnsaker sammen på den tomme plenen.",
            "Parsellhage! Mange her savner å dyrke noe.",
        ],
    ),
    (
        "samskaping",
        "Foreldrenettverk",
        "Foreldre som møtes, deler erfaringer og støtter hverandre.",
        [
            "Foreldre trenger å kjenne hverandre, da passer vi bedre på barna.",
            "Et nettverk for foreldre med små barn.",
        ],
    ),
    (
        "aktiviteter",
        "Kulturkveld med musikk og dans",
        "Naboer viser fram musikk, dans og mat fra hele verden.",
        [
            "En kveld med musikk og dans fra alle kulturer som bor her.",
            "Kulturkveld der barna kan opptre.",
        ],
    ),
    (
        "aktiviteter",
        "Sjakk- og spillkveld",
        "Faste kvelder med brettspill og sjakk for unge og gamle.",
        [
            "Spillkveld for alle aldre, det trenger ikke koste noe.",
            "Jeg vil gjerne lære barna sjakk.",
        ],
    ),
    (
        "samskaping",
        "Ungdomsråd for nærmiljøet",
        "Ungdom som selv organiserer seg og sier fra om hva de trenger.",
        ["Ungdom må få bestemme noe selv her.", "Et eget råd for ungdom på Borgen."],
    ),
    (
        "aktiviteter",
        "Lørdagskafé drevet av naboer",
        "En enkel kafé med hjemmebakst der alle kan komme innom.",
        ["Vi kan bake og ha kafé på lørdager.", "En nabokafé der man treffer folk uten å avtale."],
    ),
    (
        "samskaping",
        "Rydde- og miljøaksjon",
        "Naboer plukker søppel sammen og tar vare på grøntområdene.",
        [
            "La oss plukke søppel sammen i skogen en gang i måneden.",
            "Miljøaksjon med barna i nabolaget.",
        ],
    ),
    (
        "aktiviteter",
        "Sykkelverksted for barn",
        "Naboer hjelper barn å reparere syklene sine.",
        [
            "Mange barn har ødelagte sykler, vi kan fikse dem sammen.",
            "Sykkelverksted i garasjen på lørdager.",
        ],
    ),
]

PARTNERSHIP_IDEAS = [
    (
        "aktiviteter",
        "Møteplass for ungdom på kveldstid",
        "Et åpent sted med voksne til stede der ungdom kan være om kvelden.",
        [
            "Ungdommen har ingen steder å være om kvelden, derfor henger de ute.",
            "Vi trenger en ungdomsklubb som er åpen i helgene.",
            "Et sted å spille, prate og lage mat for ungdom.",
        ],
    ),
    (
        "samskaping",
        "Frivilligsentral som knutepunkt",
        "Frivilligsentralen kobler folk som vil bidra med dem som trenger hjelp.",
        [
            "Frivilligsentralen kan samle alle som vil hjelpe til.",
            "Jeg vil gjerne være frivillig, men vet ikke hvor jeg skal henvende meg.",
        ],
    ),
    (
        "aktiviteter",
        "Aktivitetspark med treningsapparater",
        "Utendørs treningsapparater og klatrestativ for alle aldre.",
        [
            "Treningsapparater ute, sånn som i byen.",
            "En aktivitetspark der både barn og besteforeldre kan trene.",
        ],
    ),
    (
        "stedsutvikling",
        "Oppgradert lekeplass med sitteplasser",
        "Ny lekeplass bygget sammen med naboene, med benker for foreldre.",
        [
            "Lekeplassen er gammel og kjedelig, barna vil ha nye husker.",
            "Foreldrene trenger steder å sitte mens barna leker.",
        ],
    ),
    (
        "tjenester",
        "Jobbtrening i lokale bedrifter",
        "Praksisplasser og jobbtrening for unge og for innvandrere i bedrifter her.",
        [
            "Mange her vil jobbe men får ikke sjansen.",
            "Butikkene her kunne tatt inn folk på praksis.",
        ],
    ),
    (
        "aktiviteter",
        "Gratis fritidsaktiviteter for barn",
        "Fritidstilbud som ikke koster noe, så alle barn kan delta.",
        [
            "Fotball koster for mye for mange familier her.",
            "Alle barn må få være med på noe etter skolen, uansett penger.",
        ],
    ),
    (
        "samskaping",
        "Lokalsamfunnsutvalg",
        "Et utvalg av innbyggere, lag og kommunen som følger opp planen sammen.",
        [
            "Vi trenger et utvalg som følger med på at ting faktisk blir gjort.",
            "Innbyggerne må være med og følge opp, ikke bare komme med ideer.",
        ],
    ),
    (
        "aktiviteter",
        "Bibliotekfilial med aktiviteter",
        "Et lite bibliotek med lekser, lesestunder og arrangementer.",
        [
            "Det er for langt til biblioteket i sentrum.",
            "Et bibliotek her ute med lesestund for barna.",
        ],
    ),
    (
        "stedsutvikling",
        "Grønt torg som møteplass",
        "Et torg med trær, benker og plass til marked og arrangementer.",
        ["Borgen mangler et sentrum der folk møtes.", "Et torg med kafé og benker midt i området."],
    ),
    (
        "aktiviteter",
        "Idrettslag med tilbud for jenter",
        "Egne treningstilbud for jenter, også med kvinnelige trenere.",
        [
            "Jentene slutter med idrett, de trenger egne tilbud.",
            "Svømming og trening bare for jenter og kvinner.",
        ],
    ),
    (
        "tjenester",
        "Foreldreveiledning i samarbeid med trossamfunn",
        "Kurs i foreldrerollen på flere språk, holdt sammen med menigheter og moskeer.",
        [
            "Foreldrekurs kan holdes i moskeen, der folk allerede kommer.",
            "Veiledning for foreldre om norsk skole og oppdragelse.",
        ],
    ),
    (
        "stedsutvikling",
        "Turvei langs bekken",
        "En sammenhengende turvei med bro og skilting langs bekken.",
        [
            "En sti langs bekken hadde vært fin å gå tur på.",
            "Broen over bekken er råtten, vi kan bygge ny sammen.",
        ],
    ),
    (
        "aktiviteter",
        "Seniortreff",
        "Faste treff for eldre med kaffe, trim og foredrag.",
        ["Eldre her er ensomme og trenger et treffsted.", "Trim for eldre på dagtid."],
    ),
    (
        "tjenester",
        "Sommerjobb for ungdom",
        "Sommerjobber i kommunen og hos lokale bedrifter for ungdom fra området.",
        [
            "Ungdom trenger sommerjobb, da får de erfaring og penger.",
            "Kommunen og butikkene kan gi sommerjobb til ungdommen her.",
        ],
    ),
    (
        "samskaping",
        "Årlig nærmiljøkonferanse",
        "En konferanse hvert år der alle kan si sin mening og se hva som er gjort.",
        [
            "Vi må møtes igjen neste år og se hva som har skjedd.",
            "Nærmiljøkonferansen var bra, den burde bli årlig.",
        ],
    ),
    (
        "aktiviteter",
        "Kunstprosjekt med barn og ungdom",
        "Barn og ungdom lager veggmalerier og skulpturer sammen med kunstnere.",
        [
            "Barna kan male veggen ved butikken.",
            "Et kunstprosjekt som gjør området finere og gir ungdom noe å gjøre.",
        ],
    ),
    (
        "stedsutvikling",
        "Trygge snarveier med bedre sikt",
        "Rydde vegetasjon og forbedre snarveier så de føles trygge.",
        [
            "Buskene langs snarveien gjør at man ikke ser noe.",
            "Snarveien til butikken føles utrygg, kan den ryddes?",
        ],
    ),
    (
        "tjenester",
        "Helsekafé og kurs om kosthold",
        "Helsestasjon og frivillige holder kurs om kosthold og helse på flere språk.",
        [
            "Kurs om sunn mat for barn, på somali og arabisk.",
            "Helsekafé der man kan spørre en sykepleier om ting.",
        ],
    ),
]

CHILD_MAP_TEXTS = {
    "liker": [
        "Her spiller vi fotball etter skolen",
        "Jeg liker å ake her om vinteren",
        "Her møter jeg vennene mine",
        "Den beste lekeplassen",
    ],
    "liker_ikke": ["Det lukter vondt her", "Mye søppel her", "Store gutter er her og er slemme"],
    "utrygt": [
        "Skummelt å gå her når det er mørkt",
        "Bilene kjører fort her",
        "Jeg er redd for hunden her",
        "Ingen lys i undergangen",
    ],
    "onsker_endring": ["Vi vil ha nye husker", "Ønsker en klatrevegg her", "Flere benker"],
    "skolevei": ["Min vei til skolen", "Her går jeg hver dag", "Snarveien til skolen"],
}
CHILD_CATEGORY_IDEAS = {
    "liker": "Rehabilitere ballbingen",
    "liker_ikke": "Rydde- og miljøaksjon",
    "utrygt": "Bedre belysning på gangstiene",
    "onsker_endring": "Oppgradert lekeplass med sitteplasser",
    "skolevei": "Trygg skolevei",
}

ACTORS = [
    ("oppvekst", "Oppvekst og utdanning", "municipal_unit"),
    ("helsestasjonen", "Helsestasjonen", "municipal_unit"),
    ("kultur", "Kultur og fritid", "municipal_unit"),
    ("eiendom", "Eiendom og samferdsel", "municipal_unit"),
    ("samfunnsutvikling", "Samfunnsutvikling", "municipal_unit"),
    ("nav", "NAV Asker", "other_public"),
    ("barnehagene", "Barnehagene i området", "municipal_unit"),
    ("borgen-skole", "Borgen skole", "municipal_unit"),
    ("frivilligsentralen", "Frivilligsentralen", "voluntary"),
    ("borgen-il", "Borgen idrettslag", "voluntary"),
    ("velforeningen", "Borgen velforening", "voluntary"),
    ("korpset", "Skolekorpset", "voluntary"),
    ("trossamfunn", "Et lokalt trossamfunn", "voluntary"),
    ("pensjonistforeningen", "Pensjonistforeningen", "voluntary"),
    ("nærbutikken", "Nærbutikken", "business"),
    ("borettslagene", "Borettslagene i området", "residents_group"),
    ("ungdomsradet", "Ungdomsrådet", "residents_group"),
    ("foreldrenettverket", "Foreldrenettverket", "residents_group"),
    ("bedriftsnettverk", "Lokalt bedriftsnettverk", "business"),
    ("biblioteket", "Biblioteket", "municipal_unit"),
]

GOALS = {
    "samskaping": [
        (
            "Innbyggerne deltar i utviklingen av lokalsamfunnet",
            ["Skape faste arenaer for dialog", "Styrke frivilligheten", "Nå de tause stemmene"],
        ),
        (
            "Lokalsamfunnet tar felles ansvar",
            ["Støtte innbyggernes egne initiativ", "Følge opp planen sammen"],
        ),
    ],
    "aktiviteter": [
        (
            "Alle har et fritidstilbud som passer",
            [
                "Gratis og åpne tilbud for barn og unge",
                "Aktiviteter for eldre",
                "Tilbud for jenter og kvinner",
            ],
        ),
        (
            "Flere møteplasser på tvers av kulturer og generasjoner",
            ["Felles arrangementer", "Møteplasser i nærmiljøet"],
        ),
        (
            "Kulturlivet i området blomstrer",
            ["Kunst og kultur med barn og ungdom", "Lokale kulturkvelder"],
        ),
    ],
    "tjenester": [
        (
            "Tjenestene når alle som trenger dem",
            [
                "Tilgjengelige åpningstider",
                "Informasjon på flere språk",
                "Tjenester til stede lokalt",
            ],
        ),
        (
            "Barn og unge får en god start",
            ["Barnehage og skole i samarbeid med foreldre", "Læring og mestring etter skoletid"],
        ),
        ("Flere kommer i arbeid", ["Jobbtrening og praksis", "Sommerjobb for ungdom"]),
    ],
    "stedsutvikling": [
        ("Området er trygt å ferdes i", ["Lys og sikt", "Trygge skoleveier", "Vintervedlikehold"]),
        (
            "Gode uterom og grøntområder",
            ["Lekeplasser og aktivitetsområder", "Turveier og natur", "Et sentrum å møtes i"],
        ),
    ],
}

MEASURE_VERBS = [
    "Etablere",
    "Utrede",
    "Gjennomføre",
    "Videreføre",
    "Prøve ut",
    "Styrke",
    "Planlegge",
]

UPDATE_TEXTS = {
    "in_progress": [
        "Arbeidet er i gang. Første møte med aktørene er holdt.",
        "Midler er bevilget og planleggingen pågår.",
        "En arbeidsgruppe med innbyggere er satt sammen.",
    ],
    "done": [
        "Tiltaket er gjennomført og evaluert sammen med deltakerne.",
        "Ferdig. Tilbudet er nå en fast del av nærmiljøet.",
    ],
    "postponed": ["Utsatt til neste budsjettår.", "Utsatt i påvente av reguleringsplanen."],
    "dropped": ["Avsluttet: tiltaket ble slått sammen med et annet tiltak."],
    "not_started": ["Planlagt oppstart neste år."],
}
