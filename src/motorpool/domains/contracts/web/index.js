// contracts' web components: <mp-handover> (bundled as /ui/contracts.js), and the client
// the pages use to open rentals, subscriptions and trips.
export { MpHandover } from "./handover.js";
export * as contractsApi from "./client.js";
