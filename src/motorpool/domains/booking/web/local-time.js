// Suggested booking windows for the mobility components, on the centre's clock; the
// wall-clock <-> instant conversions themselves live in the platform's web base.
import { instantToLocal } from "@motorpool/platform";

const pad = (n) => String(n).padStart(2, "0");

/** A weekday `days` or more days from today (this browser's calendar), "YYYY-MM-DD". */
export function weekdayFromToday(days) {
  const day = new Date();
  day.setDate(day.getDate() + days);
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The first weekday on or after "YYYY-MM-DD" + `days`. */
export function weekdayAfter(date, days) {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" plus `months` calendar months, moved back to a weekday. */
export function monthsAfter(date, months) {
  const day = new Date(`${date}T12:00:00Z`);
  const wanted = day.getUTCDate();
  day.setUTCMonth(day.getUTCMonth() + months);
  if (day.getUTCDate() !== wanted) day.setUTCDate(0); // 31 Jan + 1 month: the last of February
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** A suggested window for a product: [from, until] as datetime-local strings. */
export function suggestedWindow(product, timeZone) {
  if (product === "carsharing") {
    const from = Math.ceil((Date.now() + 5 * 60000) / 900000) * 900000; // next quarter hour
    return [instantToLocal(from, timeZone), instantToLocal(from + 2 * 3600000, timeZone)];
  }
  const first = weekdayFromToday(1);
  if (product === "testdrive") return [`${first}T10:00`, `${first}T11:00`];
  if (product === "subscription") {
    const start = weekdayFromToday(3); // six months: the subscription's minimum term
    return [`${start}T10:00`, `${monthsAfter(start, 6)}T10:00`];
  }
  return [`${first}T10:00`, `${weekdayAfter(first, 2)}T10:00`];
}
