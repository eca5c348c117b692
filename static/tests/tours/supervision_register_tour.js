/** @odoo-module **/
/**
 * Issue flow 1: the office registers an item with its lead and assisting
 * units and sends it for approval; the leader in charge approves it from his
 * to-do list (the activities of the systray).
 */
import { registry } from "@web/core/registry";
import {
    checkState,
    clickHeaderButton,
    editField,
    pickMany2x,
    saveForm,
} from "./supervision_tour_utils";

const ITEM = "修订本科教学改革实施方案";

registry.category("web_tour.tours").add("university_supervision_register", {
    url: "/odoo/action-university_supervision.supervision_item_action",
    steps: () => [
        {
            content: "Register a new item",
            trigger: ".o_list_button_add",
            run: "click",
        },
        editField("name", ITEM),
        {
            content: "It comes from a meeting of the Party Committee",
            trigger: ".o_field_widget[name='source_type'] select",
            run: 'select "party_meeting"',
        },
        editField("source_ref", "党委常委会纪要〔2026〕15号"),
        ...pickMany2x("lead_unit_id", "教务处"),
        {
            content: "The leader in charge comes with the lead unit",
            trigger: ".o_field_widget[name='leader_in_charge_id'] input:value('张副校长')",
        },
        ...pickMany2x("assist_unit_ids", "财务处"),
        {
            content: "The assisting unit is shown as a tag",
            trigger: ".o_field_widget[name='assist_unit_ids'] .o_tag:contains('财务处')",
        },
        editField("deadline", "2035-06-30"),
        ...saveForm(),
        ...clickHeaderButton("action_submit_for_approval", "报送审定"),
        checkState("待审定"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_approve", {
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
        {
            content: "Open the item to approve",
            trigger: `.o_data_row:contains('${ITEM}') .o_data_cell[name='name'], .o_kanban_record:contains('${ITEM}')`,
            run: "click",
        },
        checkState("待审定"),
        ...clickHeaderButton("action_approve", "审定通过"),
        checkState("已交办（待签收）"),
        {
            content: "The item got its form number",
            trigger: ".o_field_widget[name='number']:contains('〔2')",
        },
    ],
});
