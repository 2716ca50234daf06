// The owner portal: wires the domains' components together and keeps the session in this
// tab (sessionStorage). No business logic lives here.
import { onLocaleChange, setLocale } from "@motorpool/platform";

const KEY = "motorpool.portal.session";
const $ = (selector) => document.querySelector(selector);
let refreshing = null;
let timer = 0;

function stored() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || "null");
  } catch {
    return null;
  }
}

function apply(session) {
  for (const element of document.querySelectorAll("[data-session]")) {
    element.token = session?.accessToken || "";
  }
  document.body.dataset.signedIn = session ? "true" : "false";
  clearTimeout(timer);
  if (session?.refreshToken && session.expiresIn) {
    timer = setTimeout(refresh, Math.max(10, session.expiresIn - 60) * 1000);
  }
}

function save(session) {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  apply(session);
}

async function refresh() {
  const session = stored();
  if (!session?.refreshToken) return save(null);
  refreshing ||= $("#sign-in")
    .refresh(session.refreshToken)
    .catch(() => save(null))
    .finally(() => (refreshing = null));
  return refreshing;
}

document.addEventListener("mp-signed-in", (event) => save(event.detail));
document.addEventListener("mp-signed-out", () => save(null));
document.addEventListener("mp-unauthenticated", () => refresh());
document.addEventListener("mp-vehicle-selected", (event) => {
  $("mp-workshop-booking").vehicleId = event.detail.vehicle.id;
});
function useCentre(id) {
  $("mp-workshop-booking").centreId = id;
  $("mp-availability-calendar").centreId = id;
  $("mp-centre-picker").selected = id;
}
document.addEventListener("mp-centre-selected", (event) => {
  useCentre(event.detail.centre.id);
  $("mp-profile").setFavouriteCentre(event.detail.centre.id);
});
document.addEventListener("mp-profile-loaded", (event) => {
  const favourite = event.detail.profile.favourite_centre_id;
  if (favourite && !$("mp-workshop-booking").centreId) useCentre(favourite);
});
document.addEventListener("mp-day-selected", (event) => {
  $("mp-workshop-booking").day = event.detail.day;
});
onLocaleChange((locale) => {
  document.documentElement.lang = locale;
});
setLocale(document.documentElement.lang);
apply(stored());
