// identity's web components: <mp-login>, <mp-profile> (bundled as /ui/identity.js).
export { MpLogin } from "./login.js";
export { MpProfile } from "./profile.js";
