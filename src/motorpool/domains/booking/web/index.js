// booking's web components: <mp-availability-calendar> (bundled as /ui/booking.js).
export { MpAvailabilityCalendar } from "./availability-calendar.js";
