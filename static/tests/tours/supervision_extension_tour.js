/** @odoo-module **/
/**
 * Issue flow 3: the unit requests an extension; the leader in charge approves
 * it; the item then shows the new deadline and still the original one.
 */
import { registry } from "@web/core/registry";
import {
    checkState,
    clickHeaderButton,
    editField,
    openItem,
    shownDate,
} from "./supervision_tour_utils";

const ITEM = "建设智慧教室";

registry.category("web_tour.tours").add("university_supervision_extension_request", {
    url: "/odoo/action-university_supervision.supervision_item_action_my_units",
    steps: () => [
        ...openItem(ITEM),
        ...clickHeaderButton("action_request_extension", "申请延期"),
        editField("date_requested", "2035-09-30"),
        editField("reason", "设备招标延后，需推迟至九月底完成"),
        {
            content: "Submit the request to the leader in charge",
            trigger: ".modal button[name='action_submit']",
            run: "click",
        },
        {
            content: "The request is listed on the item, submitted",
            trigger: "body:not(:has(.modal)) .o_notebook_headers a[name='extensions']",
            run: "click",
        },
        {
            content: "The request waits for the leader",
            trigger: ".o_field_widget[name='extension_ids'] .o_data_row:contains('已提交')",
        },
        {
            content: "No second request while this one is open",
            trigger: ".o_form_view:not(:has(button[name='action_request_extension']))",
        },
    ],
});

registry.category("web_tour.tours").add("university_supervision_extension_approve", {
    url: "/odoo/action-university_supervision.supervision_extension_action",
    steps: () => [
        {
            content: "Open the request",
            trigger: `.o_data_row:contains('${ITEM}') .o_data_cell[name='item_id']`,
            run: "click",
        },
        ...clickHeaderButton("action_approve", "同意延期"),
        checkState("已批准"),
        {
            content: "Go to the item",
            trigger: ".o_field_widget[name='item_id'] a",
            run: "click",
        },
        {
            content: "The deadline shown is the extended one",
            trigger: `.o_form_view .o_field_widget[name='deadline']:contains('${shownDate("2035-09-30")}')`,
        },
        {
            content: "The original deadline is still shown",
            trigger: `.o_form_view .o_field_widget[name='deadline_original']:contains('${shownDate("2035-06-30")}')`,
        },
    ],
});
