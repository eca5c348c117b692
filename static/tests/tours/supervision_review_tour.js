/** @odoo-module **/
/**
 * Issue flow 4: the unit submits its result, the office returns it with the
 * wizard, the unit resubmits, the office closes the item (a key item: the
 * leader in charge approves the closure) and prints its 督办单.
 */
import { registry } from "@web/core/registry";
import {
    checkState,
    clickHeaderButton,
    editHtmlField,
    openItem,
    openPage,
} from "./supervision_tour_utils";

const ITEM = "建设智慧教室";

registry.category("web_tour.tours").add("university_supervision_submit_result", {
    url: "/odoo/action-university_supervision.supervision_item_action_my_units",
    steps: () => [
        ...openItem(ITEM),
        checkState("办理中"),
        openPage("result"),
        editHtmlField("result_note", "四十间智慧教室已全部投入使用"),
        ...clickHeaderButton("action_submit_result", "报结"),
        checkState("已报结（待审核）"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_return", {
    url: "/odoo/action-university_supervision.supervision_item_action",
    steps: () => [
        ...openItem(ITEM),
        ...clickHeaderButton("action_return", "退回整改"),
        editHtmlField("findings", "缺少验收报告"),
        editHtmlField("rectification_list", "补充第三方验收报告"),
        {
            content: "Return the result",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        checkState("办理中"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_review_pass", {
    url: "/odoo/action-university_supervision.supervision_item_action",
    steps: () => [
        ...openItem(ITEM),
        openPage("reviews"),
        {
            content: "The earlier return is on record",
            trigger: ".o_field_widget[name='review_ids'] .o_data_row",
        },
        ...clickHeaderButton("action_review_pass", "审核通过"),
        checkState("待审定结项"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_approve_closure", {
    url: "/odoo/action-university_supervision.supervision_item_action",
    steps: () => [
        ...openItem(ITEM),
        ...clickHeaderButton("action_approve_closure", "审定结项"),
        checkState("已办结"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_print", {
    steps: () => [
        checkState("已办结"),
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus .fa-cog",
            run: "click",
        },
        {
            content: "Open the print menu",
            trigger: ".o-dropdown--menu .dropdown-toggle:contains('打印')",
            run: "click",
        },
        {
            content: "Print the supervision form (督办单)",
            trigger: ".o-dropdown--menu .o_menu_item:contains('督办单')",
            async run(actions) {
                const { ui } = odoo.__WOWL_DEBUG__.root.env.services;
                ui.bus.addEventListener(
                    "UNBLOCK",
                    () => document.body.classList.add("o_test_report_downloaded"),
                    { once: true }
                );
                await actions.click();
            },
        },
        {
            content: "The PDF was downloaded, the form is still shown",
            trigger: "body.o_test_report_downloaded:not(:has(.o_report_iframe)) .o_form_view",
        },
    ],
});
