var pt=Object.defineProperty;var Mt=(r,t,e)=>t in r?pt(r,t,{enumerable:!0,configurable:!0,writable:!0,value:e}):r[t]=e;var re=(r,t)=>{for(var e in t)pt(r,e,{get:t[e],enumerable:!0})};var V=(r,t,e)=>Mt(r,typeof t!="symbol"?t+"":t,e);var D=class extends Error{constructor(t,e){super(t.detail||t.title||`HTTP ${e}`),this.name="ApiError",this.status=e,this.type=t.type||"about:blank",this.title=t.title||"",this.detail=t.detail||"",this.problem=t}};function dt(){let r=crypto.getRandomValues(new Uint8Array(16));return Array.from(r,t=>t.toString(16).padStart(2,"0")).join("")}function Ot(r,t,e){let s=(r||"").replace(/\/+$/,""),i=new URL(s+t,s?void 0:globalThis.location?.href);for(let[o,n]of Object.entries(e||{}))if(!(n==null||n===""))for(let h of Array.isArray(n)?n:[n])i.searchParams.append(o,String(h));return i.toString()}var T=class{constructor({baseUrl:t="",token:e="",locale:s="en",target:i=null}={}){this.baseUrl=t,this.token=e,this.locale=s,this.target=i}async request(t,e,{query:s,body:i,idempotent:o=!1}={}){let n={Accept:"application/json, application/problem+json","Accept-Language":this.locale};this.token&&(n.Authorization=`Bearer ${this.token}`),i!==void 0&&(n["Content-Type"]="application/json"),o&&(n["Idempotency-Key"]=dt());let h={method:t,headers:n,body:i===void 0?void 0:JSON.stringify(i),mode:"cors",credentials:"omit"},a=Ot(this.baseUrl,e,s),l;try{l=await fetch(a,h)}catch(p){if(!o&&t!=="GET")throw p;await new Promise(c=>setTimeout(c,500)),l=await fetch(a,h)}if(l.status===401&&this.target&&this.target.dispatchEvent(new CustomEvent("mp-unauthenticated",{bubbles:!0,composed:!0})),!l.ok){let p={};try{p=await l.json()}catch{p={title:l.statusText}}throw new D(p,l.status)}return l.status===204?null:l.json()}get(t,e){return this.request("GET",t,{query:e})}post(t,e,{idempotent:s=!1,query:i}={}){return this.request("POST",t,{body:e,idempotent:s,query:i})}patch(t,e){return this.request("PATCH",t,{body:e})}put(t,e){return this.request("PUT",t,{body:e})}delete(t){return this.request("DELETE",t)}};var j=globalThis,I=j.ShadowRoot&&(j.ShadyCSS===void 0||j.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,W=Symbol(),ut=new WeakMap,P=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==W)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(I&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=ut.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&ut.set(e,t))}return t}toString(){return this.cssText}},mt=r=>new P(typeof r=="string"?r:r+"",void 0,W),K=(r,...t)=>{let e=r.length===1?r[0]:t.reduce((s,i,o)=>s+(n=>{if(n._$cssResult$===!0)return n.cssText;if(typeof n=="number")return n;throw Error("Value passed to 'css' function must be a 'css' function result: "+n+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+r[o+1],r[0]);return new P(e,r,W)},ft=(r,t)=>{if(I)r.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),i=j.litNonce;i!==void 0&&s.setAttribute("nonce",i),s.textContent=e.cssText,r.appendChild(s)}},G=I?r=>r:r=>r instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return mt(e)})(r):r;var{is:Nt,defineProperty:Ht,getOwnPropertyDescriptor:Rt,getOwnPropertyNames:Dt,getOwnPropertySymbols:jt,getPrototypeOf:It}=Object,z=globalThis,gt=z.trustedTypes,zt=gt?gt.emptyScript:"",Bt=z.reactiveElementPolyfillSupport,U=(r,t)=>r,J={toAttribute(r,t){switch(t){case Boolean:r=r?zt:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,t){let e=r;switch(t){case Boolean:e=r!==null;break;case Number:e=r===null?null:Number(r);break;case Object:case Array:try{e=JSON.parse(r)}catch{e=null}}return e}},$t=(r,t)=>!Nt(r,t),_t={attribute:!0,type:String,converter:J,reflect:!1,useDefault:!1,hasChanged:$t};Symbol.metadata??=Symbol("metadata"),z.litPropertyMetadata??=new WeakMap;var f=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=_t){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),i=this.getPropertyDescriptor(t,s,e);i!==void 0&&Ht(this.prototype,t,i)}}static getPropertyDescriptor(t,e,s){let{get:i,set:o}=Rt(this.prototype,t)??{get(){return this[e]},set(n){this[e]=n}};return{get:i,set(n){let h=i?.call(this);o?.call(this,n),this.requestUpdate(t,h,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??_t}static _$Ei(){if(this.hasOwnProperty(U("elementProperties")))return;let t=It(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(U("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(U("properties"))){let e=this.properties,s=[...Dt(e),...jt(e)];for(let i of s)this.createProperty(i,e[i])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,i]of e)this.elementProperties.set(s,i)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let i=this._$Eu(e,s);i!==void 0&&this._$Eh.set(i,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let i of s)e.unshift(G(i))}else t!==void 0&&e.push(G(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ft(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),i=this.constructor._$Eu(t,s);if(i!==void 0&&s.reflect===!0){let o=(s.converter?.toAttribute!==void 0?s.converter:J).toAttribute(e,s.type);this._$Em=t,o==null?this.removeAttribute(i):this.setAttribute(i,o),this._$Em=null}}_$AK(t,e){let s=this.constructor,i=s._$Eh.get(t);if(i!==void 0&&this._$Em!==i){let o=s.getPropertyOptions(i),n=typeof o.converter=="function"?{fromAttribute:o.converter}:o.converter?.fromAttribute!==void 0?o.converter:J;this._$Em=i;let h=n.fromAttribute(e,o.type);this[i]=h??this._$Ej?.get(i)??h,this._$Em=null}}requestUpdate(t,e,s,i=!1,o){if(t!==void 0){let n=this.constructor;if(i===!1&&(o=this[t]),s??=n.getPropertyOptions(t),!((s.hasChanged??$t)(o,e)||s.useDefault&&s.reflect&&o===this._$Ej?.get(t)&&!this.hasAttribute(n._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:i,wrapped:o},n){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,n??e??this[t]),o!==!0||n!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),i===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,o]of this._$Ep)this[i]=o;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[i,o]of s){let{wrapped:n}=o,h=this[i];n!==!0||this._$AL.has(i)||h===void 0||this.C(i,void 0,o,h)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};f.elementStyles=[],f.shadowRootOptions={mode:"open"},f[U("elementProperties")]=new Map,f[U("finalized")]=new Map,Bt?.({ReactiveElement:f}),(z.reactiveElementVersions??=[]).push("2.1.2");var st=globalThis,yt=r=>r,B=st.trustedTypes,vt=B?B.createPolicy("lit-html",{createHTML:r=>r}):void 0,xt="$lit$",_=`lit$${Math.random().toFixed(9).slice(2)}$`,Ct="?"+_,qt=`<${Ct}>`,A=document,k=()=>A.createComment(""),M=r=>r===null||typeof r!="object"&&typeof r!="function",rt=Array.isArray,Ft=r=>rt(r)||typeof r?.[Symbol.iterator]=="function",Y=`[ 	
\f\r]`,L=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,At=/-->/g,bt=/>/g,y=RegExp(`>|${Y}(?:([^\\s"'>=/]+)(${Y}*=${Y}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),St=/'/g,Et=/"/g,Tt=/^(?:script|style|textarea|title)$/i,it=r=>(t,...e)=>({_$litType$:r,strings:t,values:e}),H=it(1),he=it(2),pe=it(3),b=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),wt=new WeakMap,v=A.createTreeWalker(A,129);function Pt(r,t){if(!rt(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return vt!==void 0?vt.createHTML(t):t}var Vt=(r,t)=>{let e=r.length-1,s=[],i,o=t===2?"<svg>":t===3?"<math>":"",n=L;for(let h=0;h<e;h++){let a=r[h],l,p,c=-1,m=0;for(;m<a.length&&(n.lastIndex=m,p=n.exec(a),p!==null);)m=n.lastIndex,n===L?p[1]==="!--"?n=At:p[1]!==void 0?n=bt:p[2]!==void 0?(Tt.test(p[2])&&(i=RegExp("</"+p[2],"g")),n=y):p[3]!==void 0&&(n=y):n===y?p[0]===">"?(n=i??L,c=-1):p[1]===void 0?c=-2:(c=n.lastIndex-p[2].length,l=p[1],n=p[3]===void 0?y:p[3]==='"'?Et:St):n===Et||n===St?n=y:n===At||n===bt?n=L:(n=y,i=void 0);let g=n===y&&r[h+1].startsWith("/>")?" ":"";o+=n===L?a+qt:c>=0?(s.push(l),a.slice(0,c)+xt+a.slice(c)+_+g):a+_+(c===-2?h:g)}return[Pt(r,o+(r[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},O=class r{constructor({strings:t,_$litType$:e},s){let i;this.parts=[];let o=0,n=0,h=t.length-1,a=this.parts,[l,p]=Vt(t,e);if(this.el=r.createElement(l,s),v.currentNode=this.el.content,e===2||e===3){let c=this.el.content.firstChild;c.replaceWith(...c.childNodes)}for(;(i=v.nextNode())!==null&&a.length<h;){if(i.nodeType===1){if(i.hasAttributes())for(let c of i.getAttributeNames())if(c.endsWith(xt)){let m=p[n++],g=i.getAttribute(c).split(_),R=/([.?@])?(.*)/.exec(m);a.push({type:1,index:o,name:R[2],strings:g,ctor:R[1]==="."?Q:R[1]==="?"?X:R[1]==="@"?tt:C}),i.removeAttribute(c)}else c.startsWith(_)&&(a.push({type:6,index:o}),i.removeAttribute(c));if(Tt.test(i.tagName)){let c=i.textContent.split(_),m=c.length-1;if(m>0){i.textContent=B?B.emptyScript:"";for(let g=0;g<m;g++)i.append(c[g],k()),v.nextNode(),a.push({type:2,index:++o});i.append(c[m],k())}}}else if(i.nodeType===8)if(i.data===Ct)a.push({type:2,index:o});else{let c=-1;for(;(c=i.data.indexOf(_,c+1))!==-1;)a.push({type:7,index:o}),c+=_.length-1}o++}}static createElement(t,e){let s=A.createElement("template");return s.innerHTML=t,s}};function x(r,t,e=r,s){if(t===b)return t;let i=s!==void 0?e._$Co?.[s]:e._$Cl,o=M(t)?void 0:t._$litDirective$;return i?.constructor!==o&&(i?._$AO?.(!1),o===void 0?i=void 0:(i=new o(r),i._$AT(r,e,s)),s!==void 0?(e._$Co??=[])[s]=i:e._$Cl=i),i!==void 0&&(t=x(r,i._$AS(r,t.values),i,s)),t}var Z=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,i=(t?.creationScope??A).importNode(e,!0);v.currentNode=i;let o=v.nextNode(),n=0,h=0,a=s[0];for(;a!==void 0;){if(n===a.index){let l;a.type===2?l=new N(o,o.nextSibling,this,t):a.type===1?l=new a.ctor(o,a.name,a.strings,this,t):a.type===6&&(l=new et(o,this,t)),this._$AV.push(l),a=s[++h]}n!==a?.index&&(o=v.nextNode(),n++)}return v.currentNode=A,i}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},N=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,i){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=x(this,t,e),M(t)?t===d||t==null||t===""?(this._$AH!==d&&this._$AR(),this._$AH=d):t!==this._$AH&&t!==b&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Ft(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==d&&M(this._$AH)?this._$AA.nextSibling.data=t:this.T(A.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,i=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=O.createElement(Pt(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===i)this._$AH.p(e);else{let o=new Z(i,this),n=o.u(this.options);o.p(e),this.T(n),this._$AH=o}}_$AC(t){let e=wt.get(t.strings);return e===void 0&&wt.set(t.strings,e=new O(t)),e}k(t){rt(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,i=0;for(let o of t)i===e.length?e.push(s=new r(this.O(k()),this.O(k()),this,this.options)):s=e[i],s._$AI(o),i++;i<e.length&&(this._$AR(s&&s._$AB.nextSibling,i),e.length=i)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=yt(t).nextSibling;yt(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},C=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,i,o){this.type=1,this._$AH=d,this._$AN=void 0,this.element=t,this.name=e,this._$AM=i,this.options=o,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=d}_$AI(t,e=this,s,i){let o=this.strings,n=!1;if(o===void 0)t=x(this,t,e,0),n=!M(t)||t!==this._$AH&&t!==b,n&&(this._$AH=t);else{let h=t,a,l;for(t=o[0],a=0;a<o.length-1;a++)l=x(this,h[s+a],e,a),l===b&&(l=this._$AH[a]),n||=!M(l)||l!==this._$AH[a],l===d?t=d:t!==d&&(t+=(l??"")+o[a+1]),this._$AH[a]=l}n&&!i&&this.j(t)}j(t){t===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},Q=class extends C{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===d?void 0:t}},X=class extends C{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==d)}},tt=class extends C{constructor(t,e,s,i,o){super(t,e,s,i,o),this.type=5}_$AI(t,e=this){if((t=x(this,t,e,0)??d)===b)return;let s=this._$AH,i=t===d&&s!==d||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,o=t!==d&&(s===d||i);i&&this.element.removeEventListener(this.name,this,s),o&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},et=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){x(this,t)}};var Wt=st.litHtmlPolyfillSupport;Wt?.(O,N),(st.litHtmlVersions??=[]).push("3.3.3");var Ut=(r,t,e)=>{let s=e?.renderBefore??t,i=s._$litPart$;if(i===void 0){let o=e?.renderBefore??null;s._$litPart$=i=new N(t.insertBefore(k(),o),o,void 0,e??{})}return i._$AI(r),i};var ot=globalThis,$=class extends f{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=Ut(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return b}};$._$litElement$=!0,$.finalized=!0,ot.litElementHydrateSupport?.({LitElement:$});var Kt=ot.litElementPolyfillSupport;Kt?.({LitElement:$});(ot.litElementVersions??=[]).push("4.2.2");var S=["en","de"],Gt={en:"en-GB",de:"de-DE"},q={en:{},de:{}},nt=new EventTarget;function Jt(){let r=globalThis.document?.documentElement?.lang||"",t=globalThis.navigator?.language||"";for(let e of[r,t]){let s=e.toLowerCase().split("-")[0];if(S.includes(s))return s}return"en"}var u=Jt();function Lt(r){for(let[t,e]of Object.entries(r))q[t]=Object.assign(q[t]||{},e),S.includes(t)||S.push(t)}function at(){return u}function lt(r){let t=String(r||"").toLowerCase().split("-")[0];!S.includes(t)||t===u||(u=t,nt.dispatchEvent(new CustomEvent("change",{detail:t})))}function ct(r){let t=e=>r(e.detail);return nt.addEventListener("change",t),()=>nt.removeEventListener("change",t)}function ht(r,t={},e=u){return(q[e]?.[r]??q.en[r]??r).replace(/\{(\w+)\}/g,(i,o)=>o in t?String(t[o]):"")}function E(r=u){return Gt[r]||r}function Yt(r,t=u,e={}){return new Intl.NumberFormat(E(t),e).format(r)}function Zt(r,t,e=u){return new Intl.NumberFormat(E(e),{style:"currency",currency:t}).format(Number(r))}function Qt(r,t=u,{timeZone:e,...s}={}){return new Intl.DateTimeFormat(E(t),{dateStyle:"medium",timeZone:e,...s}).format(new Date(r))}function Xt(r,t=u,{timeZone:e}={}){return new Intl.DateTimeFormat(E(t),{dateStyle:"medium",timeStyle:"short",timeZone:e}).format(new Date(r))}function te(r,t=u,{timeZone:e}={}){return new Intl.DateTimeFormat(E(t),{timeStyle:"short",timeZone:e}).format(new Date(r))}function ee(r,t=u){let e=new Intl.RelativeTimeFormat(E(t),{numeric:"auto"}),s=Math.max(0,Math.round(r));return s<60?e.format(-s,"second"):s<3600?e.format(-Math.floor(s/60),"minute"):s<86400?e.format(-Math.floor(s/3600),"hour"):e.format(-Math.floor(s/86400),"day")}Lt({en:{"common.loading":"Loading…","common.retry":"Try again","common.signInFirst":"Sign in to see this.","common.language":"Language","common.english":"English","common.german":"Deutsch","common.save":"Save","common.saved":"Saved.","common.cancel":"Cancel","common.yes":"Yes","common.no":"No"},de:{"common.loading":"Wird geladen …","common.retry":"Erneut versuchen","common.signInFirst":"Melden Sie sich an, um dies zu sehen.","common.language":"Sprache","common.english":"English","common.german":"Deutsch","common.save":"Speichern","common.saved":"Gespeichert.","common.cancel":"Abbrechen","common.yes":"Ja","common.no":"Nein"}});var kt=K`
  :host {
    display: block;
    font-family: var(--mp-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
    font-size: var(--mp-font-size, 1rem);
    line-height: 1.45;
    color: var(--mp-color-text, #1b1d21);
    --_primary: var(--mp-color-primary, #0b4f8a);
    --_on-primary: var(--mp-color-on-primary, #ffffff);
    --_surface: var(--mp-color-surface, #ffffff);
    --_border: var(--mp-color-border, #c4c9d0);
    --_muted: var(--mp-color-muted, #50565e);
    --_danger: var(--mp-color-danger, #a4161a);
    --_ok: var(--mp-color-ok, #1d6b32);
    --_radius: var(--mp-radius, 6px);
    --_space: var(--mp-space, 0.75rem);
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  h2,
  h3 {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-weight: 600;
  }
  h2 {
    font-size: 1.15rem;
  }
  h3 {
    font-size: 1rem;
  }
  label {
    display: block;
    font-weight: 500;
    margin-bottom: 0.2rem;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.45rem 0.55rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  input[type="checkbox"],
  input[type="radio"] {
    width: auto;
  }
  .field {
    margin-bottom: var(--_space);
  }
  button {
    cursor: pointer;
    padding: 0.45rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  button[aria-pressed="true"] {
    outline: 3px solid var(--_primary);
    outline-offset: 1px;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--mp-color-focus, #e0a400);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .ok {
    color: var(--_ok);
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.66);
    align-items: center;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`,w=class extends ${constructor(){super(),this.baseUrl="",this.token="",this.locale=""}connectedCallback(){super.connectedCallback(),this._unsubscribe=ct(()=>this.requestUpdate())}disconnectedCallback(){this._unsubscribe?.(),super.disconnectedCallback()}get loc(){return this.locale||at()}t(t,e){return ht(t,e,this.loc)}get api(){return new T({baseUrl:this.baseUrl,token:this.token,locale:this.loc,target:this})}async latest(t,e){let s=this._tickets||={},i=this.supersede(t);try{let o=await e();return i===s[t]?{answer:o}:{stale:!0}}catch(o){if(i!==s[t])return{stale:!0};throw o}}supersede(t){let e=this._tickets||={};return e[t]=(e[t]||0)+1,e[t]}emit(t,e){this.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}errorText(t){return t?.detail||t?.title||t?.message||String(t)}renderError(t){return t?H`<p class="error" role="alert">${this.errorText(t)}</p>`:""}};V(w,"properties",{baseUrl:{attribute:"base-url"},token:{},locale:{}}),V(w,"styles",kt);var se={en:"English",de:"Deutsch"},F=class extends w{render(){return H`<label class="row"
      ><span>${this.t("common.language")}</span>
      <select
        style="width:auto"
        @change=${t=>{lt(t.target.value),this.emit("mp-locale-changed",{locale:t.target.value})}}
      >
        ${S.map(t=>H`<option value=${t} ?selected=${t===this.loc} lang=${t}>
              ${se[t]||t}
            </option>`)}
      </select></label
    >`}};customElements.get("mp-locale-switch")||customElements.define("mp-locale-switch",F);export{re as a,V as b,D as c,dt as d,T as e,K as f,H as g,S as h,Lt as i,at as j,lt as k,ct as l,ht as m,E as n,Yt as o,Zt as p,Qt as q,Xt as r,te as s,ee as t,kt as u,w as v,F as w};
