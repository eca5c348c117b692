/** @odoo-module **/
/**
 * Steps shared by the supervision tours (static/tests/tours/*.js).
 *
 * Triggers use technical names (field and button names) so that the tours run
 * whatever the user's language; the texts checked with ``:contains`` are the
 * Chinese ones the tours' zh_CN users see.
 */
import { formatDate } from "@web/core/l10n/dates";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;

/** An ISO date (2099-06-30) as the web client shows it to the user. */
export function shownDate(isoDate) {
    return formatDate(DateTime.fromISO(isoDate));
}

/** Pick ``value`` in a many2one (or many2many tags) field by typing it. */
export function pickMany2x(fieldName, value) {
    const field = `.o_field_widget[name='${fieldName}']`;
    return [
        {
            content: `Type "${value}" in ${fieldName}`,
            trigger: `${field} input`,
            run: `edit ${value}`,
        },
        {
            content: `Pick "${value}" in the drop-down of ${fieldName}`,
            trigger: `${field} .o-autocomplete--dropdown-item:contains('${value}')`,
            run: "click",
        },
    ];
}

/** Type ``text`` in a plain input (char, date) or textarea (text) field. */
export function editField(fieldName, text) {
    return {
        content: `Fill in ${fieldName}`,
        trigger: `.o_field_widget[name='${fieldName}'] input, .o_field_widget[name='${fieldName}'] textarea`,
        run: `edit ${text}`,
    };
}

/** Type ``text`` in an html field (the Odoo editor). */
export function editHtmlField(fieldName, text) {
    return {
        content: `Write in the html field ${fieldName}`,
        trigger: `.o_field_widget[name='${fieldName}'] .odoo-editor-editable > :first-child`,
        run: `editor ${text}`,
    };
}

/** Click a header button of the form, on desktop or inside the phone's cog menu. */
export function clickHeaderButton(buttonName, label) {
    return [
        {
            isActive: ["mobile"],
            content: "Open the actions menu holding the buttons on a phone",
            trigger: ".o_cp_action_menus .fa-cog",
            run: "click",
        },
        {
            content: `Click "${label}"`,
            trigger: `.o_form_view button[name='${buttonName}']:enabled:contains('${label}'), .dropdown-item button[name='${buttonName}']:enabled:contains('${label}')`,
            run: "click",
        },
    ];
}

/** Wait until the form shows ``label`` as its current state. */
export function checkState(label) {
    return {
        content: `The item is now "${label}"`,
        trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}')`,
    };
}

/** Open a notebook page of the form by its name attribute. */
export function openPage(pageName) {
    return {
        content: `Open the page ${pageName}`,
        trigger: `.o_notebook_headers a[name='${pageName}']`,
        run: "click",
    };
}

export function saveForm() {
    return stepUtils.saveForm();
}

/** Open an item from a list (desktop) or kanban (phone) view. */
export function openItem(name) {
    return [
        {
            content: `Open the item "${name}"`,
            trigger: `.o_data_row:contains('${name}') .o_data_cell[name='name'], .o_kanban_record:contains('${name}')`,
            run: "click",
        },
        {
            content: "The item's form is shown",
            trigger: `.o_form_view .o_field_widget[name='name']:contains('${name}'), .o_form_view .o_field_widget[name='name'] input:value('${name}')`,
        },
    ];
}
