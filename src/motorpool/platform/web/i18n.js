// English and German (more by registering another catalogue): one page-wide locale that
// follows the profile, per-element override through the `locale` attribute, and Intl for
// numbers, money (`1.234,56 €`), dates and times in a centre's own time zone.

export const LOCALES = ["en", "de"];
const INTL_TAGS = { en: "en-GB", de: "de-DE" };
const catalogues = { en: {}, de: {} };
const changes = new EventTarget();

function initialLocale() {
  const doc = globalThis.document?.documentElement?.lang || "";
  const nav = globalThis.navigator?.language || "";
  for (const tag of [doc, nav]) {
    const base = tag.toLowerCase().split("-")[0];
    if (LOCALES.includes(base)) return base;
  }
  return "en";
}

let current = initialLocale();

/** Add messages: `{en: {"vehicles.range": "Range"}, de: {"vehicles.range": "Reichweite"}}`. */
export function registerMessages(messages) {
  for (const [locale, entries] of Object.entries(messages)) {
    catalogues[locale] = Object.assign(catalogues[locale] || {}, entries);
    if (!LOCALES.includes(locale)) LOCALES.push(locale);
  }
}

export function getLocale() {
  return current;
}

/** Change the page-wide locale; every component re-renders. */
export function setLocale(locale) {
  const base = String(locale || "").toLowerCase().split("-")[0];
  if (!LOCALES.includes(base) || base === current) return;
  current = base;
  changes.dispatchEvent(new CustomEvent("change", { detail: base }));
}

/** Call `listener(locale)` on every change; returns the function that unsubscribes. */
export function onLocaleChange(listener) {
  const handler = (event) => listener(event.detail);
  changes.addEventListener("change", handler);
  return () => changes.removeEventListener("change", handler);
}

export function translate(key, params = {}, locale = current) {
  const message = catalogues[locale]?.[key] ?? catalogues.en[key] ?? key;
  return message.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : ""));
}

export function intlTag(locale = current) {
  return INTL_TAGS[locale] || locale;
}

export function formatNumber(value, locale = current, options = {}) {
  return new Intl.NumberFormat(intlTag(locale), options).format(value);
}

/** Money from the API's decimal string and ISO 4217 currency: `1.234,56 €` in German. */
export function formatMoney(amount, currency, locale = current) {
  return new Intl.NumberFormat(intlTag(locale), { style: "currency", currency }).format(
    Number(amount),
  );
}

export function formatDate(value, locale = current, { timeZone, ...options } = {}) {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeZone,
    ...options,
  }).format(new Date(value));
}

export function formatDateTime(value, locale = current, { timeZone } = {}) {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(value));
}

export function formatTime(value, locale = current, { timeZone } = {}) {
  return new Intl.DateTimeFormat(intlTag(locale), { timeStyle: "short", timeZone }).format(
    new Date(value),
  );
}

/** "5 seconds ago" / "vor 5 Sekunden" for an age in seconds. */
export function formatAge(seconds, locale = current) {
  const rtf = new Intl.RelativeTimeFormat(intlTag(locale), { numeric: "auto" });
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return rtf.format(-s, "second");
  if (s < 3600) return rtf.format(-Math.floor(s / 60), "minute");
  if (s < 86400) return rtf.format(-Math.floor(s / 3600), "hour");
  return rtf.format(-Math.floor(s / 86400), "day");
}

registerMessages({
  en: {
    "common.loading": "Loading…",
    "common.retry": "Try again",
    "common.signInFirst": "Sign in to see this.",
    "common.language": "Language",
    "common.english": "English",
    "common.german": "Deutsch",
    "common.save": "Save",
    "common.saved": "Saved.",
    "common.cancel": "Cancel",
    "common.yes": "Yes",
    "common.no": "No",
  },
  de: {
    "common.loading": "Wird geladen …",
    "common.retry": "Erneut versuchen",
    "common.signInFirst": "Melden Sie sich an, um dies zu sehen.",
    "common.language": "Sprache",
    "common.english": "English",
    "common.german": "Deutsch",
    "common.save": "Speichern",
    "common.saved": "Gespeichert.",
    "common.cancel": "Abbrechen",
    "common.yes": "Ja",
    "common.no": "Nein",
  },
});
