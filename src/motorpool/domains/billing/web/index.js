// billing's web components: <mp-invoice-list> (bundled as /ui/billing.js).
export { MpInvoiceList } from "./invoice-list.js";
