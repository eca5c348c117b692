/** @odoo-module **/
/**
 * Leaders decide, offices reset: a leader sends a registration back with an
 * opinion and the office resubmits it; the office sets a new time limit on
 * an overdue item, the leader in charge approves it and the light turns green.
 */
import { registry } from "@web/core/registry";
import { checkState, clickHeaderButton, editField, openItem } from "./supervision_tour_utils";

const ITEM = "建设智慧教室";
const OPINION = "请补充各学院意见后再报";

registry.category("web_tour.tours").add("university_supervision_leader_send_back", {
    url: "/odoo/action-university_supervision.supervision_item_action_to_approve",
    steps: () => [
        ...openItem(ITEM),
        checkState("待审定"),
        ...clickHeaderButton("action_send_back", "退回"),
        editField("opinion", OPINION),
        {
            content: "Confirm the send-back",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        checkState("立项登记"),
        {
            content: "The opinion is listed on the item",
            trigger: "body:not(:has(.modal)) .o_notebook_headers a[name='opinions']",
            run: "click",
        },
        {
            content: "The opinion is shown",
            trigger: `.o_field_widget[name='opinion_ids'] .o_data_row:contains('${OPINION}')`,
        },
    ],
});

registry.category("web_tour.tours").add("university_supervision_office_resubmit", {
    url: "/odoo/action-university_supervision.supervision_item_action_my_work",
    steps: () => [
        ...openItem(ITEM),
        checkState("立项登记"),
        ...clickHeaderButton("action_submit_for_approval", "报送审定"),
        checkState("待审定"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_office_new_limit", {
    url: "/odoo/action-university_supervision.supervision_item_action",
    steps: () => [
        ...openItem(ITEM),
        {
            content: "The overdue item is lit red",
            trigger: ".o_form_view .o_field_widget[name='warning_light']:contains('红灯')",
        },
        ...clickHeaderButton("action_request_new_limit", "设定新时限"),
        editField("date_requested", "2035-09-30"),
        editField("reason", "学院意见征集延误，重新设定办结时限"),
        {
            content: "Send the request to the leader in charge",
            trigger: ".modal button[name='action_submit']",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
    ],
});

registry.category("web_tour.tours").add("university_supervision_leader_new_limit", {
    url: "/odoo/action-university_supervision.supervision_item_action",
    steps: () => [
        ...openItem(ITEM),
        ...clickHeaderButton("action_decide_extension", "审批延期"),
        {
            content: "Approve the new time limit",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The light turns green at once",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name='warning_light']:contains('绿灯')",
        },
    ],
});
