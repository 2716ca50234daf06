"""German texts (formal address)."""

GREETING = "Guten Tag $who,"
GREETING_ANONYMOUS = "Guten Tag,"
WHEN = "$date um $time Uhr"
SIGNATURE = "Ihr $brand-Team"
UNKNOWN_CENTRE = "das Zentrum"

PRODUCTS = {
    "rental": "Miete",
    "subscription": "Abo",
    "flex": "Flex-Abo",
    "carsharing": "Carsharing",
    "testdrive": "Probefahrt",
}

TEXTS = {
    "booking_confirmed": (
        "Ihre Buchung ($product) ist bestätigt",
        "$greeting\n\n"
        "Ihre Buchung ($product) bei $brand ist bestätigt.\n\n"
        "Buchung:  $reference\n"
        "Abholung: $starts\n"
        "Rückgabe: $ends\n"
        "Zentrum:  $centre\n\n"
        "Alle Zeiten in Ortszeit des Zentrums ($zone).\n"
        "Ihre Buchungen: $link\n\n"
        "$signature",
    ),
    "pickup_reminder": (
        "Erinnerung: Ihre Buchung ($product) beginnt am $starts",
        "$greeting\n\n"
        "wir erinnern Sie daran, dass Ihre Buchung ($product) bei $brand bald beginnt.\n\n"
        "Buchung:  $reference\n"
        "Abholung: $starts\n"
        "Zentrum:  $centre\n\n"
        "Bitte bringen Sie Ihren Führerschein mit. Alle Zeiten in Ortszeit des Zentrums "
        "($zone).\n"
        "Ihre Buchungen: $link\n\n"
        "$signature",
    ),
    "appointment_booked": (
        "Ihr Werkstatttermin am $date",
        "$greeting\n\n"
        "wir haben Ihr Fahrzeug für unsere Werkstatt eingeplant.\n\n"
        "Termin:     $starts\n"
        "Bis:        $ends\n"
        "Zentrum:    $centre\n"
        "Leistungen: $services\n"
        "$courtesy\n"
        "Alle Zeiten in Ortszeit des Zentrums ($zone).\n"
        "Ihre Termine: $link\n\n"
        "$signature",
    ),
    "invoice_issued": (
        "Ihre Rechnung $number",
        "$greeting\n\n"
        "Ihre Rechnung $number von $brand liegt bereit.\n\n"
        "Gesamtbetrag: $total\n\n"
        "Sie können sie unter $link ansehen, herunterladen und bezahlen.\n\n"
        "$signature",
    ),
}

COURTESY_CAR = "Ein Ersatzfahrzeug ist für Sie reserviert.\n"
