// dealers' web components: <mp-centre-picker> (bundled as /ui/dealers.js).
export { MpCentrePicker } from "./centre-picker.js";
