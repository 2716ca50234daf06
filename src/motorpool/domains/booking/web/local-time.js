// Wall-clock times on a centre's own clock (an IANA zone) <-> instants, for the inputs of
// the mobility components: `<input type=datetime-local>` speaks "YYYY-MM-DDTHH:MM" with no
// zone, the API speaks aware instants.

const pad = (n) => String(n).padStart(2, "0");

/** The zone's offset from UTC in milliseconds at `instantMs`. */
function offsetMs(instantMs, timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instantMs));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** "2026-03-02T09:00" on `timeZone`'s clock (or this browser's) -> ISO instant in UTC. */
export function localToInstant(local, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || "");
  if (!match) return "";
  const [y, m, d, hh, mm] = match.slice(1).map(Number);
  if (!timeZone) return new Date(y, m - 1, d, hh, mm).toISOString();
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone); // settles across a DST change
  return new Date(instant).toISOString();
}

/** An instant -> "YYYY-MM-DDTHH:MM" on `timeZone`'s clock (or this browser's). */
export function instantToLocal(value, timeZone) {
  const ms = new Date(value).getTime();
  const shifted = new Date(ms + (timeZone ? offsetMs(ms, timeZone) : -new Date(ms).getTimezoneOffset() * 60000));
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`
  );
}

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
