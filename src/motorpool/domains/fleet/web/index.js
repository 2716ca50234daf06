// fleet's web components: <mp-fleet-board> (bundled as /ui/fleet.js).
export { MpFleetBoard } from "./fleet-board.js";
