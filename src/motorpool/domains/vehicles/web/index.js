// vehicles' web components: <mp-garage>, <mp-vehicle-status> (bundled as /ui/vehicles.js).
export { MpGarage } from "./garage.js";
export { MpVehicleStatus, readStatus } from "./vehicle-status.js";
