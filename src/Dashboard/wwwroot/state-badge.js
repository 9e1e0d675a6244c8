// A room's lifecycle state (issue 6 item 4) as a badge in the door sign's words, Chinese and English, coloured by state
// (app.css .state.state-…), with what the edge says about it: on the wall's tiles and on the room page.
import { el, t } from "./api.js";
import { reasonText } from "./event-words.js";

export const STATE_WORDS = {
  free: ["空闲", "FREE"], booked: ["已预约", "BOOKED"], "pre-show": ["准备中", "PRE-SHOW"], ready: ["就绪", "READY"],
  "not-ready": ["未就绪", "NOT READY"], live: ["直播中", "ON AIR"], fault: ["故障", "FAULT"], ended: ["已结束", "ENDED"],
  offline: ["离线", "OFFLINE"], unknown: ["未知", "UNKNOWN"],
};

// Fills badge with st (the dashboard's RoomStateView, camelCase); its id stays.
export function fillStateBadge(badge, st) {
  const [zh, en] = STATE_WORDS[st.state] || [st.state, st.state.toUpperCase()];
  const progress = st.state === "pre-show" && st.checklist ? " " + st.checklist.passed + "/" + st.checklist.total : "";
  badge.className = "state state-" + (STATE_WORDS[st.state] ? st.state : "unknown");
  badge.dataset.state = st.state;
  badge.replaceChildren(el("strong", { text: zh + " " + en + progress }));
  const detail = [st.unscheduled ? t("unscheduled") : "", reasonText(st.reason)].filter((x) => x).join(" · ");
  if (detail) badge.append(el("span", { class: "state-detail", text: detail }));
}
