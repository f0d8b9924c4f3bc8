"""The method catalogue: every way of involving people the Borgen project used (seed 001/003).

Each method has a purpose (hensikt) and activities (aktiviteter), shown as the plan for an
arena that uses it. Loaded by a data migration, so every installation starts with it.
Content is Norwegian bokmål: it is data the municipality edits, not interface text.
"""

METHODS: list[dict] = [
    {
        "slug": "barnetrakk",
        "name": "Barnetråkk",
        "is_for_children": True,
        "purpose": "Sikre barns deltakelse i informasjonsinnhenting og innspill: barn forteller "
        "hvordan de bruker stedet der de bor, og hva de vil ha annerledes.",
        "activities": "Grunnleggende opplæring i kart\n"
        "Foreldre oppfordres til å snakke om nærmiljøet med barna i forkant\n"
        "Registrering på skolen\n"
        "Arbeid med den innsamlede informasjonen og identifisering av innspill til veikartet",
    },
    {
        "slug": "gjestebud",
        "name": "Gjestebud",
        "purpose": "Nå mennesker som ikke deltar i åpne, større møter. Få i gang refleksjon og "
        "samtale om nabolaget. Samle informasjon om nabolagene: status og forbedringsmuligheter.",
        "activities": "Samling med gjestebudsverter: metode, invitasjoner, takkekort og "
        "metodemateriale\n"
        "Avtale med lokal matbutikk om varer til måltidet\n"
        "Vertene inviterer hvem de vil til et måltid hjemme og diskuterer «gode nabolag»\n"
        "Innsamling av informasjon fra gjestebudene",
    },
    {
        "slug": "apen-naermiljosentral",
        "name": "Åpen nærmiljøsentral",
        "purpose": "Tilstedeværelse lokalt. Lett tilgjengelig å si sin mening, ytre behov og "
        "tanker om området.",
        "activities": "Åpent hus med enkel servering i faste tidsrom",
    },
    {
        "slug": "facebook",
        "name": "Facebook og sosiale medier",
        "is_online": True,
        "purpose": "Informasjonsdeling om prosesser. Belyse og markedsføre aktiviteter lokalt.",
        "activities": "Kunngjøring av aktiviteter og arrangementer\n"
        "Debatt om styrte tema og spørsmål",
    },
    {
        "slug": "fokusgruppe",
        "name": "Fokusgrupper",
        "purpose": "Fange opp særinteresser og spesialkompetanse, la engasjerte fremme sine "
        "synspunkter og diskutere med likesinnede. Fordypning i særlig relevante tema.",
        "activities": "Definere tema sammen med lokalbefolkningen\n"
        "Engasjere fokusgruppeledere med fagkompetanse og prosessledelse\n"
        "Gjennomføre fokusgruppemøter (gjerne to ganger)",
    },
    {
        "slug": "virksomhetsledere",
        "name": "Samling med virksomhetsledere",
        "purpose": "Forankre arbeidet i virksomheter og tjenester. Sikre medvirkning fra "
        "førstelinjetjenesten.",
        "activities": "Delta i eksisterende nettverk\n"
        "Drøfte utfordringsbildet og mulighetsrom for samarbeid",
    },
    {
        "slug": "naermiljokonferanse",
        "name": "Nærmiljøkonferanse",
        "purpose": "Informere om det som allerede er satt i gang, gi inspirasjon og fremme "
        "felles arbeid; samle innspill fra mange på én gang.",
        "activities": "Presentasjoner om tjenester og stedsutvikling\n"
        "Gruppearbeid ved bord med innspill på skjema\n"
        "Valg av tema for fokusgrupper",
    },
    {
        "slug": "erfaringskonferanse",
        "name": "Erfaringskonferanse for ansatte",
        "purpose": "Hente inn de ansattes erfaringer og kunnskap om området og tjenestene.",
        "activities": "Konferanse for ansatte og ledere\nGruppearbeid om utfordringer og løsninger",
    },
    {
        "slug": "veikartverksted",
        "name": "Veikartverksted",
        "purpose": "Forankre resultatene fra prosessene. Prioritere tiltak. Identifisere aktører "
        "og ansvar for realisering av tiltakene forsamlingen prioriterte.",
        "activities": "Presentasjon av veikartet\n"
        "Presentasjon av innsatsområder og foreløpige mål for temaplanen\n"
        "Gruppearbeid for å prioritere tiltak\n"
        "Gruppearbeid for å lage plan for realisering av prioriterte tiltak\n"
        "Informasjon om videre prosess og politiske beslutninger",
    },
    {
        "slug": "ad-hoc-utvalg",
        "name": "Ad hoc-utvalg med politikere",
        "purpose": "Oppfølging og kontakt mellom lokale aktører og politikere. Politisk "
        "forankring og medvirkning i analyse- og planleggingsfasen.",
        "activities": "Dialogmøter med grupper av innbyggere og interessegrupper\n"
        "Medlemmene deltar i medvirkningsprosessene lokalt",
    },
    {
        "slug": "intervju",
        "name": "Intervjuer",
        "purpose": "Få med de «tause stemmene» gjennom samtaler på arenaer folk kjenner og "
        "har tillit til (for eksempel helsestasjonen).",
        "activities": "Samarbeid med en kjent og tillitsvekkende arena\n"
        "Intervjuer med tolk ved behov\n"
        "Notater føres inn som innspill",
    },
    {
        "slug": "enkeltinnbyggere",
        "name": "Møter med enkeltinnbyggere",
        "purpose": "Ta imot henvendelser og innspill fra enkeltpersoner som tar kontakt.",
        "activities": "Samtaler, e-post og telefon\nInnspill registreres av prosjektet",
    },
    {
        "slug": "trossamfunn-konferanse",
        "name": "Konferanse arrangert av trossamfunn eller forening",
        "purpose": "Nå grupper gjennom sine egne fellesskap, på deres arena og premisser.",
        "activities": "Foreningen inviterer og leder samlingen\n"
        "Prosjektet deltar, lytter og samler innspill",
    },
    {
        "slug": "digitalt-skjema",
        "name": "Digitalt innspillsskjema",
        "is_online": True,
        "purpose": "La alle gi innspill når det passer dem, uten å møte opp.",
        "activities": "Skjema på nett, med kart\nKvittering og oppfølging av hvert innspill",
    },
]


def load_methods(method_model) -> int:
    """Create the catalogue's methods that do not exist yet (by slug). Returns how many were made."""
    existing = set(method_model.objects.values_list("slug", flat=True))
    new = [method_model(**m) for m in METHODS if m["slug"] not in existing]
    method_model.objects.bulk_create(new)
    return len(new)
