// The staff dashboard (/admin): sign in, choose a centre, then its hand-overs and returns
// of the day and its fleet board. It only wires the domains' components together.
import { keepSession } from "../storefront/session.js";

const $ = (selector) => document.querySelector(selector);
keepSession("motorpool.admin.session");

document.addEventListener("mp-centre-selected", (event) => {
  const { id } = event.detail.centre;
  $("mp-handover").centreId = id;
  $("mp-fleet-board").centreId = id;
  $("mp-centre-picker").selected = id;
});
for (const name of ["mp-handed-over", "mp-returned"]) {
  document.addEventListener(name, () => $("mp-fleet-board").load());
}
