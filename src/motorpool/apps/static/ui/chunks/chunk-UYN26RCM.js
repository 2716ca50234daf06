var ft=Object.defineProperty;var Ht=(r,t,e)=>t in r?ft(r,t,{enumerable:!0,configurable:!0,writable:!0,value:e}):r[t]=e;var ae=(r,t)=>{for(var e in t)ft(r,e,{get:t[e],enumerable:!0})};var Q=(r,t,e)=>Ht(r,typeof t!="symbol"?t+"":t,e);var R=class extends Error{constructor(t,e){super(t.detail||t.title||`HTTP ${e}`),this.name="ApiError",this.status=e,this.type=t.type||"about:blank",this.title=t.title||"",this.detail=t.detail||"",this.problem=t}};function gt(){let r=crypto.getRandomValues(new Uint8Array(16));return Array.from(r,t=>t.toString(16).padStart(2,"0")).join("")}function Rt(r,t,e){let s=(r||"").replace(/\/+$/,""),o=new URL(s+t,s?void 0:globalThis.location?.href);for(let[i,n]of Object.entries(e||{}))if(!(n==null||n===""))for(let l of Array.isArray(n)?n:[n])o.searchParams.append(i,String(l));return o.toString()}var U=class{constructor({baseUrl:t="",token:e="",locale:s="en",target:o=null}={}){this.baseUrl=t,this.token=e,this.locale=s,this.target=o}async request(t,e,{query:s,body:o,idempotent:i=!1}={}){let n={Accept:"application/json, application/problem+json","Accept-Language":this.locale};this.token&&(n.Authorization=`Bearer ${this.token}`),o!==void 0&&(n["Content-Type"]="application/json"),i&&(n["Idempotency-Key"]=gt());let l={method:t,headers:n,body:o===void 0?void 0:JSON.stringify(o),mode:"cors",credentials:"omit"},a=Rt(this.baseUrl,e,s),c;try{c=await fetch(a,l)}catch(d){if(!i&&t!=="GET")throw d;await new Promise(h=>setTimeout(h,500)),c=await fetch(a,l)}if(c.status===401&&this.target&&this.target.dispatchEvent(new CustomEvent("mp-unauthenticated",{bubbles:!0,composed:!0})),!c.ok){let d={};try{d=await c.json()}catch{d={title:c.statusText}}throw new R(d,c.status)}return c.status===204?null:c.json()}get(t,e){return this.request("GET",t,{query:e})}post(t,e,{idempotent:s=!1,query:o}={}){return this.request("POST",t,{body:e,idempotent:s,query:o})}patch(t,e){return this.request("PATCH",t,{body:e})}put(t,e){return this.request("PUT",t,{body:e})}delete(t){return this.request("DELETE",t)}};var I=globalThis,j=I.ShadowRoot&&(I.ShadyCSS===void 0||I.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,X=Symbol(),$t=new WeakMap,P=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==X)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(j&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=$t.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&$t.set(e,t))}return t}toString(){return this.cssText}},_t=r=>new P(typeof r=="string"?r:r+"",void 0,X),Z=(r,...t)=>{let e=r.length===1?r[0]:t.reduce((s,o,i)=>s+(n=>{if(n._$cssResult$===!0)return n.cssText;if(typeof n=="number")return n;throw Error("Value passed to 'css' function must be a 'css' function result: "+n+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(o)+r[i+1],r[0]);return new P(e,r,X)},yt=(r,t)=>{if(j)r.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),o=I.litNonce;o!==void 0&&s.setAttribute("nonce",o),s.textContent=e.cssText,r.appendChild(s)}},tt=j?r=>r:r=>r instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return _t(e)})(r):r;var{is:It,defineProperty:jt,getOwnPropertyDescriptor:zt,getOwnPropertyNames:Bt,getOwnPropertySymbols:qt,getPrototypeOf:Ft}=Object,z=globalThis,vt=z.trustedTypes,Vt=vt?vt.emptyScript:"",Wt=z.reactiveElementPolyfillSupport,L=(r,t)=>r,et={toAttribute(r,t){switch(t){case Boolean:r=r?Vt:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,t){let e=r;switch(t){case Boolean:e=r!==null;break;case Number:e=r===null?null:Number(r);break;case Object:case Array:try{e=JSON.parse(r)}catch{e=null}}return e}},bt=(r,t)=>!It(r,t),At={attribute:!0,type:String,converter:et,reflect:!1,useDefault:!1,hasChanged:bt};Symbol.metadata??=Symbol("metadata"),z.litPropertyMetadata??=new WeakMap;var f=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=At){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),o=this.getPropertyDescriptor(t,s,e);o!==void 0&&jt(this.prototype,t,o)}}static getPropertyDescriptor(t,e,s){let{get:o,set:i}=zt(this.prototype,t)??{get(){return this[e]},set(n){this[e]=n}};return{get:o,set(n){let l=o?.call(this);i?.call(this,n),this.requestUpdate(t,l,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??At}static _$Ei(){if(this.hasOwnProperty(L("elementProperties")))return;let t=Ft(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(L("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(L("properties"))){let e=this.properties,s=[...Bt(e),...qt(e)];for(let o of s)this.createProperty(o,e[o])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,o]of e)this.elementProperties.set(s,o)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let o=this._$Eu(e,s);o!==void 0&&this._$Eh.set(o,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let o of s)e.unshift(tt(o))}else t!==void 0&&e.push(tt(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return yt(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),o=this.constructor._$Eu(t,s);if(o!==void 0&&s.reflect===!0){let i=(s.converter?.toAttribute!==void 0?s.converter:et).toAttribute(e,s.type);this._$Em=t,i==null?this.removeAttribute(o):this.setAttribute(o,i),this._$Em=null}}_$AK(t,e){let s=this.constructor,o=s._$Eh.get(t);if(o!==void 0&&this._$Em!==o){let i=s.getPropertyOptions(o),n=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:et;this._$Em=o;let l=n.fromAttribute(e,i.type);this[o]=l??this._$Ej?.get(o)??l,this._$Em=null}}requestUpdate(t,e,s,o=!1,i){if(t!==void 0){let n=this.constructor;if(o===!1&&(i=this[t]),s??=n.getPropertyOptions(t),!((s.hasChanged??bt)(i,e)||s.useDefault&&s.reflect&&i===this._$Ej?.get(t)&&!this.hasAttribute(n._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:o,wrapped:i},n){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,n??e??this[t]),i!==!0||n!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),o===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[o,i]of this._$Ep)this[o]=i;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[o,i]of s){let{wrapped:n}=i,l=this[o];n!==!0||this._$AL.has(o)||l===void 0||this.C(o,void 0,i,l)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};f.elementStyles=[],f.shadowRootOptions={mode:"open"},f[L("elementProperties")]=new Map,f[L("finalized")]=new Map,Wt?.({ReactiveElement:f}),(z.reactiveElementVersions??=[]).push("2.1.2");var rt=globalThis,St=r=>r,B=rt.trustedTypes,Et=B?B.createPolicy("lit-html",{createHTML:r=>r}):void 0,ot="$lit$",g=`lit$${Math.random().toFixed(9).slice(2)}$`,it="?"+g,Kt=`<${it}>`,A=document,O=()=>A.createComment(""),k=r=>r===null||typeof r!="object"&&typeof r!="function",nt=Array.isArray,Pt=r=>nt(r)||typeof r?.[Symbol.iterator]=="function",st=`[ 	
\f\r]`,M=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,wt=/-->/g,xt=/>/g,y=RegExp(`>|${st}(?:([^\\s"'>=/]+)(${st}*=${st}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ct=/'/g,Tt=/"/g,Lt=/^(?:script|style|textarea|title)$/i,at=r=>(t,...e)=>({_$litType$:r,strings:t,values:e}),D=at(1),me=at(2),fe=at(3),b=Symbol.for("lit-noChange"),p=Symbol.for("lit-nothing"),Ut=new WeakMap,v=A.createTreeWalker(A,129);function Mt(r,t){if(!nt(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return Et!==void 0?Et.createHTML(t):t}var Ot=(r,t)=>{let e=r.length-1,s=[],o,i=t===2?"<svg>":t===3?"<math>":"",n=M;for(let l=0;l<e;l++){let a=r[l],c,d,h=-1,m=0;for(;m<a.length&&(n.lastIndex=m,d=n.exec(a),d!==null);)m=n.lastIndex,n===M?d[1]==="!--"?n=wt:d[1]!==void 0?n=xt:d[2]!==void 0?(Lt.test(d[2])&&(o=RegExp("</"+d[2],"g")),n=y):d[3]!==void 0&&(n=y):n===y?d[0]===">"?(n=o??M,h=-1):d[1]===void 0?h=-2:(h=n.lastIndex-d[2].length,c=d[1],n=d[3]===void 0?y:d[3]==='"'?Tt:Ct):n===Tt||n===Ct?n=y:n===wt||n===xt?n=M:(n=y,o=void 0);let $=n===y&&r[l+1].startsWith("/>")?" ":"";i+=n===M?a+Kt:h>=0?(s.push(c),a.slice(0,h)+ot+a.slice(h)+g+$):a+g+(h===-2?l:$)}return[Mt(r,i+(r[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},N=class r{constructor({strings:t,_$litType$:e},s){let o;this.parts=[];let i=0,n=0,l=t.length-1,a=this.parts,[c,d]=Ot(t,e);if(this.el=r.createElement(c,s),v.currentNode=this.el.content,e===2||e===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(o=v.nextNode())!==null&&a.length<l;){if(o.nodeType===1){if(o.hasAttributes())for(let h of o.getAttributeNames())if(h.endsWith(ot)){let m=d[n++],$=o.getAttribute(h).split(g),H=/([.?@])?(.*)/.exec(m);a.push({type:1,index:i,name:H[2],strings:$,ctor:H[1]==="."?F:H[1]==="?"?V:H[1]==="@"?W:E}),o.removeAttribute(h)}else h.startsWith(g)&&(a.push({type:6,index:i}),o.removeAttribute(h));if(Lt.test(o.tagName)){let h=o.textContent.split(g),m=h.length-1;if(m>0){o.textContent=B?B.emptyScript:"";for(let $=0;$<m;$++)o.append(h[$],O()),v.nextNode(),a.push({type:2,index:++i});o.append(h[m],O())}}}else if(o.nodeType===8)if(o.data===it)a.push({type:2,index:i});else{let h=-1;for(;(h=o.data.indexOf(g,h+1))!==-1;)a.push({type:7,index:i}),h+=g.length-1}i++}}static createElement(t,e){let s=A.createElement("template");return s.innerHTML=t,s}};function S(r,t,e=r,s){if(t===b)return t;let o=s!==void 0?e._$Co?.[s]:e._$Cl,i=k(t)?void 0:t._$litDirective$;return o?.constructor!==i&&(o?._$AO?.(!1),i===void 0?o=void 0:(o=new i(r),o._$AT(r,e,s)),s!==void 0?(e._$Co??=[])[s]=o:e._$Cl=o),o!==void 0&&(t=S(r,o._$AS(r,t.values),o,s)),t}var q=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,o=(t?.creationScope??A).importNode(e,!0);v.currentNode=o;let i=v.nextNode(),n=0,l=0,a=s[0];for(;a!==void 0;){if(n===a.index){let c;a.type===2?c=new T(i,i.nextSibling,this,t):a.type===1?c=new a.ctor(i,a.name,a.strings,this,t):a.type===6&&(c=new K(i,this,t)),this._$AV.push(c),a=s[++l]}n!==a?.index&&(i=v.nextNode(),n++)}return v.currentNode=A,o}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},T=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,o){this.type=2,this._$AH=p,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=o,this._$Cv=o?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=S(this,t,e),k(t)?t===p||t==null||t===""?(this._$AH!==p&&this._$AR(),this._$AH=p):t!==this._$AH&&t!==b&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Pt(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==p&&k(this._$AH)?this._$AA.nextSibling.data=t:this.T(A.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,o=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=N.createElement(Mt(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===o)this._$AH.p(e);else{let i=new q(o,this),n=i.u(this.options);i.p(e),this.T(n),this._$AH=i}}_$AC(t){let e=Ut.get(t.strings);return e===void 0&&Ut.set(t.strings,e=new N(t)),e}k(t){nt(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,o=0;for(let i of t)o===e.length?e.push(s=new r(this.O(O()),this.O(O()),this,this.options)):s=e[o],s._$AI(i),o++;o<e.length&&(this._$AR(s&&s._$AB.nextSibling,o),e.length=o)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=St(t).nextSibling;St(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},E=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,o,i){this.type=1,this._$AH=p,this._$AN=void 0,this.element=t,this.name=e,this._$AM=o,this.options=i,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=p}_$AI(t,e=this,s,o){let i=this.strings,n=!1;if(i===void 0)t=S(this,t,e,0),n=!k(t)||t!==this._$AH&&t!==b,n&&(this._$AH=t);else{let l=t,a,c;for(t=i[0],a=0;a<i.length-1;a++)c=S(this,l[s+a],e,a),c===b&&(c=this._$AH[a]),n||=!k(c)||c!==this._$AH[a],c===p?t=p:t!==p&&(t+=(c??"")+i[a+1]),this._$AH[a]=c}n&&!o&&this.j(t)}j(t){t===p?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},F=class extends E{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===p?void 0:t}},V=class extends E{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==p)}},W=class extends E{constructor(t,e,s,o,i){super(t,e,s,o,i),this.type=5}_$AI(t,e=this){if((t=S(this,t,e,0)??p)===b)return;let s=this._$AH,o=t===p&&s!==p||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,i=t!==p&&(s===p||o);o&&this.element.removeEventListener(this.name,this,s),i&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},K=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){S(this,t)}},ge={M:ot,P:g,A:it,C:1,L:Ot,R:q,D:Pt,V:S,I:T,H:E,N:V,U:W,B:F,F:K},Gt=rt.litHtmlPolyfillSupport;Gt?.(N,T),(rt.litHtmlVersions??=[]).push("3.3.3");var kt=(r,t,e)=>{let s=e?.renderBefore??t,o=s._$litPart$;if(o===void 0){let i=e?.renderBefore??null;s._$litPart$=o=new T(t.insertBefore(O(),i),i,void 0,e??{})}return o._$AI(r),o};var ct=globalThis,_=class extends f{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=kt(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return b}};_._$litElement$=!0,_.finalized=!0,ct.litElementHydrateSupport?.({LitElement:_});var Jt=ct.litElementPolyfillSupport;Jt?.({LitElement:_});(ct.litElementVersions??=[]).push("4.2.2");var w=["en","de"],Yt={en:"en-GB",de:"de-DE"},G={en:{},de:{}},lt=new EventTarget;function Qt(){let r=globalThis.document?.documentElement?.lang||"",t=globalThis.navigator?.language||"";for(let e of[r,t]){let s=e.toLowerCase().split("-")[0];if(w.includes(s))return s}return"en"}var u=Qt();function Nt(r){for(let[t,e]of Object.entries(r))G[t]=Object.assign(G[t]||{},e),w.includes(t)||w.push(t)}function ht(){return u}function dt(r){let t=String(r||"").toLowerCase().split("-")[0];!w.includes(t)||t===u||(u=t,lt.dispatchEvent(new CustomEvent("change",{detail:t})))}function pt(r){let t=e=>r(e.detail);return lt.addEventListener("change",t),()=>lt.removeEventListener("change",t)}function ut(r,t={},e=u){return(G[e]?.[r]??G.en[r]??r).replace(/\{(\w+)\}/g,(o,i)=>i in t?String(t[i]):"")}function x(r=u){return Yt[r]||r}function Xt(r,t=u,e={}){return new Intl.NumberFormat(x(t),e).format(r)}function Zt(r,t,e=u){return new Intl.NumberFormat(x(e),{style:"currency",currency:t}).format(Number(r))}function te(r,t=u,{timeZone:e,...s}={}){return new Intl.DateTimeFormat(x(t),{dateStyle:"medium",timeZone:e,...s}).format(new Date(r))}function ee(r,t=u,{timeZone:e}={}){return new Intl.DateTimeFormat(x(t),{dateStyle:"medium",timeStyle:"short",timeZone:e}).format(new Date(r))}function se(r,t=u,{timeZone:e}={}){return new Intl.DateTimeFormat(x(t),{timeStyle:"short",timeZone:e}).format(new Date(r))}function re(r,t=u){let e=new Intl.RelativeTimeFormat(x(t),{numeric:"auto"}),s=Math.max(0,Math.round(r));return s<60?e.format(-s,"second"):s<3600?e.format(-Math.floor(s/60),"minute"):s<86400?e.format(-Math.floor(s/3600),"hour"):e.format(-Math.floor(s/86400),"day")}Nt({en:{"common.loading":"Loading…","common.retry":"Try again","common.signInFirst":"Sign in to see this.","common.language":"Language","common.english":"English","common.german":"Deutsch","common.save":"Save","common.saved":"Saved.","common.cancel":"Cancel","common.yes":"Yes","common.no":"No"},de:{"common.loading":"Wird geladen …","common.retry":"Erneut versuchen","common.signInFirst":"Melden Sie sich an, um dies zu sehen.","common.language":"Sprache","common.english":"English","common.german":"Deutsch","common.save":"Speichern","common.saved":"Gespeichert.","common.cancel":"Abbrechen","common.yes":"Ja","common.no":"Nein"}});var Dt=Z`
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
`,C=class extends _{constructor(){super(),this.baseUrl="",this.token="",this.locale=""}connectedCallback(){super.connectedCallback(),this._unsubscribe=pt(()=>this.requestUpdate())}disconnectedCallback(){this._unsubscribe?.(),super.disconnectedCallback()}get loc(){return this.locale||ht()}t(t,e){return ut(t,e,this.loc)}get api(){return new U({baseUrl:this.baseUrl,token:this.token,locale:this.loc,target:this})}async latest(t,e){let s=this._tickets||={},o=this.supersede(t);try{let i=await e();return o===s[t]?{answer:i}:{stale:!0}}catch(i){if(o!==s[t])return{stale:!0};throw i}}supersede(t){let e=this._tickets||={};return e[t]=(e[t]||0)+1,e[t]}emit(t,e){this.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}errorText(t){return t?.detail||t?.title||t?.message||String(t)}renderError(t){return t?D`<p class="error" role="alert">${this.errorText(t)}</p>`:""}};Q(C,"properties",{baseUrl:{attribute:"base-url"},token:{},locale:{}}),Q(C,"styles",Dt);var oe={en:"English",de:"Deutsch"},J=class extends C{render(){return D`<label class="row"
      ><span>${this.t("common.language")}</span>
      <select
        style="width:auto"
        @change=${t=>{dt(t.target.value),this.emit("mp-locale-changed",{locale:t.target.value})}}
      >
        ${w.map(t=>D`<option value=${t} ?selected=${t===this.loc} lang=${t}>
              ${oe[t]||t}
            </option>`)}
      </select></label
    >`}};customElements.get("mp-locale-switch")||customElements.define("mp-locale-switch",J);var Y=r=>String(r).padStart(2,"0");function mt(r,t){let e=new Intl.DateTimeFormat("en-US",{timeZone:t,hourCycle:"h23",year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",second:"2-digit"}).formatToParts(new Date(r)),s=i=>Number(e.find(n=>n.type===i).value);return Date.UTC(s("year"),s("month")-1,s("day"),s("hour"),s("minute"),s("second"))-Math.floor(r/1e3)*1e3}function ie(r,t){let e=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(r||"");if(!e)return"";let[s,o,i,n,l]=e.slice(1).map(Number);if(!t)return new Date(s,o-1,i,n,l).toISOString();let a=Date.UTC(s,o-1,i,n,l),c=a-mt(a,t);return c=a-mt(c,t),new Date(c).toISOString()}function ne(r,t){let e=new Date(r).getTime(),s=new Date(e+(t?mt(e,t):-new Date(e).getTimezoneOffset()*6e4));return`${s.getUTCFullYear()}-${Y(s.getUTCMonth()+1)}-${Y(s.getUTCDate())}T${Y(s.getUTCHours())}:${Y(s.getUTCMinutes())}`}export{ae as a,Q as b,R as c,gt as d,U as e,Z as f,D as g,b as h,ge as i,w as j,Nt as k,ht as l,dt as m,pt as n,ut as o,x as p,Xt as q,Zt as r,te as s,ee as t,se as u,re as v,Dt as w,C as x,J as y,ie as z,ne as A};
