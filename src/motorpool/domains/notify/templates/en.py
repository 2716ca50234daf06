"""English texts."""

GREETING = "Hello $who,"
GREETING_ANONYMOUS = "Hello,"
WHEN = "$date at $time"
SIGNATURE = "Your $brand team"
UNKNOWN_CENTRE = "the centre"

PRODUCTS = {
    "rental": "rental",
    "subscription": "subscription",
    "flex": "Flex subscription",
    "carsharing": "car sharing",
    "testdrive": "test drive",
}

TEXTS = {
    "booking_confirmed": (
        "Your $product booking is confirmed",
        "$greeting\n\n"
        "your $product booking at $brand is confirmed.\n\n"
        "Booking: $reference\n"
        "Pick-up: $starts\n"
        "Return:  $ends\n"
        "Centre:  $centre\n\n"
        "Times are local time at the centre ($zone).\n"
        "Your bookings: $link\n\n"
        "$signature",
    ),
    "pickup_reminder": (
        "Reminder: your $product starts $starts",
        "$greeting\n\n"
        "a reminder that your $product booking at $brand begins soon.\n\n"
        "Booking: $reference\n"
        "Pick-up: $starts\n"
        "Centre:  $centre\n\n"
        "Please bring your driving licence. Times are local time at the centre ($zone).\n"
        "Your bookings: $link\n\n"
        "$signature",
    ),
    "appointment_booked": (
        "Your workshop appointment on $date",
        "$greeting\n\n"
        "we have booked your car into our workshop.\n\n"
        "When:     $starts\n"
        "Until:    $ends\n"
        "Centre:   $centre\n"
        "Services: $services\n"
        "$courtesy\n"
        "Times are local time at the centre ($zone).\n"
        "Your appointments: $link\n\n"
        "$signature",
    ),
    "invoice_issued": (
        "Your invoice $number",
        "$greeting\n\n"
        "your invoice $number from $brand is ready.\n\n"
        "Total: $total\n\n"
        "You can view, download and pay it at $link\n\n"
        "$signature",
    ),
}

COURTESY_CAR = "A courtesy car is reserved for you.\n"
