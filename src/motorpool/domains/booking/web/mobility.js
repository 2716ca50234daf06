// booking's mobility components: <mp-vehicle-search>, <mp-booking-list> (bundled as
// /ui/booking-mobility.js beside /ui/booking.js).
export { MpBookingList } from "./booking-list.js";
export { MpVehicleSearch } from "./vehicle-search.js";
export { instantToLocal, localToInstant } from "@motorpool/platform";
