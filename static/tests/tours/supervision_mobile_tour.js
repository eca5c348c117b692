/** @odoo-module **/
/**
 * On a phone: the unit's to-do list (its items, as kanban cards) and the item
 * form stay usable; the head acknowledges the item from the phone.
 */
import { registry } from "@web/core/registry";
import {
    checkState,
    clickHeaderButton,
    editField,
    fitsScreen,
    openItem,
    openPage,
    pickMany2x,
} from "./supervision_tour_utils";

const ITEM = "建设智慧教室";

registry.category("web_tour.tours").add("university_supervision_mobile_acknowledge", {
    url: "/odoo/action-university_supervision.supervision_item_action_my_units",
    steps: () => [
        fitsScreen(`.o_kanban_view .o_kanban_record:contains('${ITEM}')`, "The list of my items"),
        ...openItem(ITEM),
        checkState("已交办（待签收）"),
        fitsScreen(".o_form_view .o_form_sheet", "The item form"),
        openPage("acknowledgement"),
        editField("date_committed", "2035-05-31"),
        editField("measures", "暑期分两批改造教室，九月投入使用"),
        editField("completion_form", "书面报告"),
        ...pickMany2x("handler_id", "赵老师"),
        editField("handler_phone", "029-88302000"),
        fitsScreen(".o_form_view .o_field_widget[name='measures']", "The acknowledgement"),
        ...clickHeaderButton("action_acknowledge", "签收"),
        checkState("办理中"),
        fitsScreen(".o_form_view .o_statusbar_status", "The form's status bar"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_mobile_approve", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open my to-do list (activities)",
            trigger: ".o_menu_systray .fa-clock-o",
            run: "click",
        },
        {
            content: "The supervision items waiting for me",
            trigger: ".o-mail-ActivityGroup:contains('督办事项')",
            run: "click",
        },
        fitsScreen(`.o_data_row:contains('${ITEM}') .o_data_cell[name='name']`, "My to-do list", {
            scrollable: true,
        }),
        ...openItem(ITEM),
        checkState("待审定"),
        fitsScreen(".o_form_view .o_form_sheet", "The item form"),
        ...clickHeaderButton("action_approve", "审定通过"),
        checkState("已交办（待签收）"),
    ],
});
