import{b as h,f as p,g as n,k as b,q as u,s as c,x as d}from"./chunks/chunk-UYN26RCM.js";b({en:{"booking.calendar":"Availability","booking.previous":"Previous month","booking.next":"Next month","booking.free":"{count} free","booking.closed":"closed","booking.full":"fully booked","booking.needCentre":"Choose a centre to see its availability."},de:{"booking.calendar":"Verfügbarkeit","booking.previous":"Voriger Monat","booking.next":"Nächster Monat","booking.free":"{count} frei","booking.closed":"geschlossen","booking.full":"ausgebucht","booking.needCentre":"Wählen Sie ein Zentrum, um seine Verfügbarkeit zu sehen."}});function k(){let l=new Date;return`${l.getFullYear()}-${String(l.getMonth()+1).padStart(2,"0")}`}function m(l,t){let[r,a]=l.split("-").map(Number),o=new Date(Date.UTC(r,a-1+t,1));return`${o.getUTCFullYear()}-${String(o.getUTCMonth()+1).padStart(2,"0")}`}var i=class extends d{constructor(){super(),this.product="servicing",this.centreId="",this.pool="",this.month=k(),this.selected="",this._calendar=null,this._error=null}updated(t){["product","centreId","pool","month","baseUrl"].some(r=>t.has(r))&&this.load()}async load(){if(!this.centreId){this.supersede("calendar");return}try{let{answer:t,stale:r}=await this.latest("calendar",()=>this.api.get("/booking/calendar",{product:this.product,centre_id:this.centreId,month:this.month,pool:this.pool}));if(r)return;this._error=null,this._calendar=t}catch(t){this._error=t}}_pick(t){this.selected=t.day,this.emit("mp-day-selected",{day:t.day,free:t.free_slots??t.free_all_day})}_weeks(t){let a=(new Date(`${t[0].day}T00:00:00Z`).getUTCDay()+6)%7,o=[...Array(a).fill(null),...t];for(;o.length%7;)o.push(null);let e=[];for(let s=0;s<o.length;s+=7)e.push(o.slice(s,s+7));return e}render(){if(!this.centreId)return n`<p class="muted">${this.t("booking.needCentre")}</p>`;let t=this._calendar,r=c(`${this.month}-15T12:00:00Z`,this.loc,{dateStyle:void 0,month:"long",year:"numeric"}),a=[...Array(7)].map((o,e)=>c(`2024-01-0${e+1}T12:00:00Z`,this.loc,{dateStyle:void 0,weekday:"short"}));return n`<section class="card" aria-labelledby="title">
      <div class="row" style="justify-content:space-between">
        <h2 id="title">${this.t("booking.calendar")}: ${r}</h2>
        <div class="row">
          <button type="button" class="secondary" aria-label=${this.t("booking.previous")}
            @click=${()=>this.month=m(this.month,-1)}>‹</button>
          <button type="button" class="secondary" aria-label=${this.t("booking.next")}
            @click=${()=>this.month=m(this.month,1)}>›</button>
        </div>
      </div>
      ${this.renderError(this._error)}
      ${!t||t.month!==this.month?n`<p class="muted">${this.t("common.loading")}</p>`:n`<table>
            <thead><tr>${a.map(o=>n`<th scope="col">${o}</th>`)}</tr></thead>
            <tbody>
              ${this._weeks(t.days).map(o=>n`<tr>
                  ${o.map(e=>{if(!e)return n`<td></td>`;let s=e.free_slots??e.free_all_day,g=e.open?s>0?this.t("booking.free",{count:u(s,this.loc)}):this.t("booking.full"):this.t("booking.closed"),f=`${c(`${e.day}T12:00:00Z`,this.loc,{dateStyle:"full"})}: ${g}`;return n`<td>
                      <button
                        type="button"
                        class=${e.day===this.selected?"":"secondary"}
                        aria-pressed=${e.day===this.selected?"true":"false"}
                        ?disabled=${!e.open||s<=0}
                        data-day=${e.day}
                        @click=${()=>this._pick(e)}
                      >
                        <span aria-hidden="true"
                          >${Number(e.day.slice(8))}<span class="n"
                            >${e.open?u(s,this.loc):"–"}</span
                          ></span
                        ><span class="sr-only">${f}</span>
                      </button>
                    </td>`})}
                </tr>`)}
            </tbody>
          </table>`}
    </section>`}};h(i,"properties",{...d.properties,product:{},centreId:{attribute:"centre-id"},pool:{},month:{},selected:{},_calendar:{state:!0},_error:{state:!0}}),h(i,"styles",[d.styles,p`
      table {
        border-collapse: collapse;
        width: 100%;
        table-layout: fixed;
      }
      th {
        font-weight: 500;
        font-size: 0.85rem;
        color: var(--_muted);
        padding: 0.2rem;
      }
      td {
        padding: 2px;
      }
      td button {
        width: 100%;
        padding: 0.3rem 0.1rem;
        font-size: 0.85rem;
        line-height: 1.2;
      }
      td button .n {
        display: block;
        font-size: 0.72rem;
      }
    `]);customElements.get("mp-availability-calendar")||customElements.define("mp-availability-calendar",i);export{i as MpAvailabilityCalendar};
