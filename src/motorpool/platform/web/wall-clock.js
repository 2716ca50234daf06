// Wall-clock times on a centre's own clock (an IANA zone) <-> instants: an
// `<input type=datetime-local>` speaks "YYYY-MM-DDTHH:MM" with no zone, the API speaks aware
// instants. Shared by every component that takes a time at a centre.

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
