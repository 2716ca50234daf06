// workshop's web components: <mp-workshop-booking> (bundled as /ui/workshop.js).
export { MpWorkshopBooking } from "./workshop-booking.js";
