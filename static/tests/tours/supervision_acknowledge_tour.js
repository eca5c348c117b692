/** @odoo-module **/
/**
 * Issue flow 2: the head of the lead unit acknowledges the item (committed
 * date, measures, handler); a liaison posts progress with an attachment.
 * The acknowledgement tour also runs on a phone (see tests/test_tours.py).
 */
import { registry } from "@web/core/registry";
import { inputFiles } from "@web/../tests/utils";
import {
    checkState,
    clickHeaderButton,
    editField,
    editHtmlField,
    openItem,
    openPage,
    pickMany2x,
} from "./supervision_tour_utils";

export const ITEM = "建设智慧教室";

registry.category("web_tour.tours").add("university_supervision_acknowledge", {
    url: "/odoo/action-university_supervision.supervision_item_action_my_units",
    steps: () => [
        ...openItem(ITEM),
        checkState("已交办（待签收）"),
        openPage("acknowledgement"),
        editField("date_committed", "2035-05-31"),
        editField("measures", "暑期分两批改造教室，九月投入使用"),
        editField("completion_form", "书面报告"),
        ...pickMany2x("handler_id", "赵老师"),
        editField("handler_phone", "029-88302000"),
        ...clickHeaderButton("action_acknowledge", "签收"),
        checkState("办理中"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_progress", {
    url: "/odoo/action-university_supervision.supervision_item_action_my_units",
    steps: () => [
        ...openItem(ITEM),
        checkState("办理中"),
        ...clickHeaderButton("action_report_progress", "反馈进展"),
        editHtmlField("description", "第一批二十间教室已完成改造"),
        {
            content: "Attach a file to the progress report",
            trigger: ".modal .o_field_widget[name='attachment_ids'] .o_attach",
            async run() {
                const file = new File(["二十间教室验收记录"], "progress.txt", {
                    type: "text/plain",
                });
                await inputFiles(".modal .o_field_widget[name='attachment_ids'] .o_input_file", [
                    file,
                ]);
            },
        },
        {
            content: "The file is uploaded",
            trigger: ".modal .o_field_widget[name='attachment_ids'] .o_attachment:contains('progress.txt')",
        },
        {
            content: "Save the progress report",
            trigger: ".modal .modal-footer .o_form_button_save",
            run: "click",
        },
        {
            content: "The report and its file are logged on the item",
            trigger: ".o-mail-Chatter .o-mail-Message:contains('教务处的办理进展') .o-mail-AttachmentCard:contains('progress.txt')",
        },
    ],
});
