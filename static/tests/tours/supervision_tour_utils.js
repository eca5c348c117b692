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

/** An ISO date (2035-06-30) as the web client shows it to the user. */
export function shownDate(isoDate) {
    return formatDate(DateTime.fromISO(isoDate));
}

/**
 * Pick ``value`` in a many2one (or many2many tags) field: by typing it in the
 * drop-down on a desktop, in the search dialog a phone opens instead.
 */
export function pickMany2x(fieldName, value) {
    const field = `.o_field_widget[name='${fieldName}']`;
    return [
        {
            isActive: ["desktop"],
            content: `Type "${value}" in ${fieldName}`,
            trigger: `${field} input`,
            run: `edit ${value}`,
        },
        {
            isActive: ["desktop"],
            content: `Pick "${value}" in the drop-down of ${fieldName}`,
            trigger: `${field} .o-autocomplete--dropdown-item:contains('${value}')`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: `Open the search dialog of ${fieldName}`,
            trigger: `${field} input`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: `Pick "${value}" in the dialog`,
            trigger: `.modal .o_kanban_record:contains('${value}')`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: `${fieldName} is set`,
            trigger: `body:not(:has(.modal)) ${field} input:value('${value}')`,
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
        // a phone shows only the current state, as a drop-down toggle
        trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}'), .o_form_view .o_statusbar_status > .dropdown-toggle:not(.o_arrow_button):contains('${label}')`,
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

/**
 * Phone checks: the element ``selector`` is fully within the screen's width
 * and, unless ``scrollable`` (lists scroll sideways in Odoo, as a table
 * does), the page needs no horizontal scrolling.
 */
export function fitsScreen(selector, what, { scrollable = false } = {}) {
    return {
        content: `${what} fits the screen's width`,
        trigger: selector,
        run(actions) {
            const width = window.innerWidth;
            const containers = [document.documentElement];
            if (!scrollable) {
                containers.push(document.querySelector(".o_content"));
            }
            for (const el of containers) {
                if (el && el.scrollWidth > el.clientWidth + 1) {
                    throw new Error(
                        `${what}: ${el.className || el.tagName} is ${el.scrollWidth}px wide on a ${width}px screen`
                    );
                }
            }
            const rect = actions.anchor.getBoundingClientRect();
            if (rect.left < 0 || rect.right > width + 1 || rect.width < 40) {
                throw new Error(
                    `${what}: ${selector} is not fully on the screen (${rect.left}-${rect.right}px of ${width}px)`
                );
            }
        },
    };
}
