// The contracts API as the pages use it (mirrors contracts/routes.py); each call takes the
// platform's ApiClient, so the page's base-url and token apply.

/** Open a rental agreement from my confirmed booking and its quote (the price is kept). */
export function openRental(api, { bookingId, quoteId, market }) {
  return api.post(
    "/contracts/rentals",
    { booking_id: bookingId, quote_id: quoteId, ...(market ? { market } : {}) },
    { idempotent: true },
  );
}

/** Subscribe on a named car from `startsOn` (the car booked for [startsAt, endsAt)). */
export function startSubscription(api, { product, market, startsOn, resourceId, startsAt, endsAt }) {
  return api.post(
    "/contracts/subscriptions",
    {
      product,
      market,
      starts_on: startsOn,
      resource_id: resourceId,
      starts_at: startsAt,
      ends_at: endsAt,
    },
    { idempotent: true },
  );
}

/** Start a car-sharing trip now: the car is booked and unlocked. */
export function startTrip(api, { resourceId, market, plannedMinutes }) {
  return api.post(
    "/contracts/trips",
    {
      resource_id: resourceId,
      market,
      ...(plannedMinutes ? { planned_minutes: plannedMinutes } : {}),
    },
    { idempotent: true },
  );
}

export function myRentals(api) {
  return api.get("/contracts/rentals", { limit: 50 });
}

/** A centre's hand-overs and returns of a day (staff). */
export function todaySheet(api, { centreId, day }) {
  return api.get("/contracts/admin/today", { centre_id: centreId, day });
}

export function handOver(api, agreementId, { mileageKm, energyPercent, damageNotes }) {
  return api.post(`/contracts/rentals/${agreementId}/handover`, {
    mileage_km: mileageKm,
    energy_percent: energyPercent,
    ...(damageNotes ? { damage_notes: damageNotes } : {}),
  });
}

export function takeReturn(api, agreementId, { mileageKm, energyPercent, damageNotes, at }) {
  return api.post(`/contracts/rentals/${agreementId}/return`, {
    mileage_km: mileageKm,
    energy_percent: energyPercent,
    ...(damageNotes ? { damage_notes: damageNotes } : {}),
    ...(at ? { at } : {}),
  });
}
