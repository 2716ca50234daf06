// The mobility storefront (/drive): search -> quote -> book -> my bookings and invoices,
// for rental, subscription, car sharing and test drives. It only wires the domains'
// components together; the one step of its own is to hand the booking and quote to
// contracts (a rental agreement, a subscription, a car-sharing trip).
import { ApiClient, getLocale } from "@motorpool/platform";
import { openRental, startSubscription, startTrip } from "../../domains/contracts/web/client.js";
import { keepSession } from "./session.js";

const $ = (selector) => document.querySelector(selector);
const session = keepSession("motorpool.drive.session");
const search = $("mp-vehicle-search");
const quote = $("mp-quote");
let choice = null; // the last mp-vehicle-chosen detail

function syncBookable() {
  quote.canBook = document.body.dataset.signedIn === "true";
}
new MutationObserver(syncBookable).observe(document.body, { attributes: true });
syncBookable();

document.addEventListener("mp-centre-selected", (event) => {
  const { centre } = event.detail;
  search.timeZone = centre.time_zone;
  search.centreId = centre.id;
  quote.market = centre.country;
});

document.addEventListener("mp-product-changed", (event) => {
  const { product } = event.detail;
  quote.product = product;
  quote.options = [];
  $("mp-centre-picker").offers = product === "testdrive" ? "test_drives" : "pickup";
});

document.addEventListener("mp-vehicle-chosen", (event) => {
  choice = event.detail.resource ? event.detail : null;
  quote.product = choice?.product || quote.product;
  quote.startsAt = choice?.startsAt || "";
  quote.endsAt = choice?.endsAt || "";
});

async function book(accepted) {
  const api = new ApiClient({ token: session.token(), locale: getLocale() });
  const { product, resource, startsAt, endsAt } = choice;
  if (product === "subscription") {
    const subscription = await startSubscription(api, {
      product,
      market: accepted.market,
      startsOn: search.from.slice(0, 10),
      resourceId: resource.id,
      startsAt,
      endsAt,
    });
    await search.show(subscription.booking_id);
  } else if (product === "carsharing") {
    const minutes = Math.round((new Date(endsAt) - new Date(startsAt)) / 60000);
    const trip = await startTrip(api, {
      resourceId: resource.id,
      market: accepted.market,
      plannedMinutes: Math.min(Math.max(minutes, 15), 3 * 24 * 60),
    });
    search.announce(trip.booking_reference);
  } else {
    const booking = await search.book();
    if (product === "rental") {
      await openRental(api, { bookingId: booking.id, quoteId: accepted.id });
    }
  }
}

document.addEventListener("mp-quote-accepted", async (event) => {
  if (!choice) return;
  quote.busy = true;
  try {
    await book(event.detail.quote);
    quote.startsAt = "";
    quote.endsAt = "";
    choice = null;
  } catch (error) {
    search.fail(error);
  } finally {
    quote.busy = false;
    $("mp-booking-list").load();
    $("mp-invoice-list").load();
  }
});
