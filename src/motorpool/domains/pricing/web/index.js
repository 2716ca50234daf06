// pricing's web components: <mp-quote> (bundled as /ui/pricing.js).
export { MpQuote } from "./quote.js";
