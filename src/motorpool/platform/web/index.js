// The platform's web base, shared by every domain's components (bundled as /ui/platform.js).
export { ApiClient, ApiError, idempotencyKey } from "./client.js";
export { MpElement, themeStyles } from "./element.js";
export {
  LOCALES,
  formatAge,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatTime,
  getLocale,
  intlTag,
  onLocaleChange,
  registerMessages,
  setLocale,
  translate,
} from "./i18n.js";
export { MpLocaleSwitch } from "./locale-switch.js";
export { instantToLocal, localToInstant } from "./wall-clock.js";
