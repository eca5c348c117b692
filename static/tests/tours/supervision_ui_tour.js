/** @odoo-module **/
/**
 * The screens the office, the units and the leaders use all day (issue 17):
 * the supervision's own settings, the default "open" filter, the list's
 * columns and lights, the kanban's lamps, the pivot and graph views, the
 * readable names of urges, the pop-ups with a prefilled item, the unit
 * assessment and the leaders' cockpit.
 */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { clickHeaderButton, fitsScreen, openItem } from "./supervision_tour_utils";

const DRAFT = "起草中的事项";
const TO_APPROVE = "待审定的事项";
const IN_PROGRESS = "临近期限的事项";
const SUBMITTED = "已报结的事项";

/** ``selector`` is shown in full inside the window, at least ``minWidth`` wide. */
function fullyShown(selector, what, minWidth = 40) {
    return {
        content: `${what} is shown in full`,
        trigger: selector,
        run(actions) {
            const rect = actions.anchor.getBoundingClientRect();
            if (rect.left < 0 || rect.right > window.innerWidth + 1 || rect.width < minWidth) {
                throw new Error(
                    `${what}: ${Math.round(rect.left)}-${Math.round(rect.right)}px of ${window.innerWidth}px`
                );
            }
        },
    };
}

/** Nothing of the view's content needs sideways scrolling. */
function noSidewaysScroll(what) {
    return {
        content: `${what} needs no sideways scrolling`,
        trigger: ".o_content",
        run(actions) {
            for (const el of [actions.anchor, actions.anchor.querySelector(".o_pivot")]) {
                if (el && el.scrollWidth > el.clientWidth + 1) {
                    throw new Error(`${what}: ${el.scrollWidth}px in ${el.clientWidth}px`);
                }
            }
        },
    };
}

registry.category("web_tour.tours").add("university_supervision_ui_settings", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the supervision app",
            trigger: ".o_app[data-menu-xmlid='university_supervision.menu_supervision_root']",
            run: "click",
        },
        {
            content: "Open the configuration menu",
            trigger: ".o_menu_sections [data-menu-xmlid='university_supervision.menu_supervision_config']",
            run: "click",
        },
        {
            content: "Open the supervision settings",
            trigger: ".o-dropdown-item[data-menu-xmlid='university_supervision.supervision_settings_menu']",
            run: "click",
        },
        {
            content: "The settings show the acknowledgement period",
            trigger: ".o_form_view .o_field_widget[name='ack_days'] input:value('7')",
        },
        {
            content: "Give units ten days to acknowledge",
            trigger: ".o_form_view .o_field_widget[name='ack_days'] input",
            run: "edit 10",
        },
        {
            content: "Save the settings",
            trigger: ".o_form_view button[name='action_save']:contains('保存')",
            run: "click",
        },
        {
            content: "The settings are saved",
            trigger: ".o_notification:contains('督办设置已保存')",
        },
        {
            content: "... and the page holds no unsaved change",
            trigger: ".o_form_view:not(.o_form_dirty) .o_field_widget[name='ack_days'] input:value('10')",
        },
    ],
});

registry.category("web_tour.tours").add("university_supervision_ui_office", {
    url: "/odoo/action-university_supervision.supervision_item_action",
    steps: () => [
        {
            content: "The list opens on the items not closed yet (未办结)",
            trigger: ".o_searchview .o_facet_values:contains('未办结')",
        },
        {
            content: "A draft registered by the office is listed",
            trigger: `.o_list_view .o_data_row:contains('${DRAFT}')`,
        },
        {
            content: "An item awaiting approval is listed",
            trigger: `.o_list_view .o_data_row:contains('${TO_APPROVE}')`,
        },
        fullyShown(".o_list_view th[data-name='number']", "The number column", 100),
        fullyShown(".o_list_view th[data-name='level']", "The level column", 60),
        fullyShown(".o_list_view th[data-name='state']", "The state column", 100),
        fullyShown(
            `.o_data_row:contains('${SUBMITTED}') .o_data_cell[name='state'] .badge`,
            "The state of a submitted item",
            60
        ),
        {
            content: "A submitted result keeps its light in the list",
            trigger: `.o_data_row:contains('${SUBMITTED}') .o_data_cell[name='warning_light'] .badge:contains('绿灯')`,
        },
        {
            content: "The light of an item due soon is yellow in the list",
            trigger: `.o_data_row:contains('${IN_PROGRESS}') .o_data_cell[name='warning_light'] .badge:contains('黄灯')`,
        },
        {
            content: "Switch to the kanban view",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The yellow lamp is yellow and says what it means",
            trigger: `.o_kanban_record:contains('${IN_PROGRESS}') .o_supervision_light_legend:contains('黄灯') .o_supervision_light_yellow`,
            run(actions) {
                const color = getComputedStyle(actions.anchor).backgroundColor;
                if (color !== "rgb(255, 210, 31)") {
                    throw new Error(`the yellow lamp is ${color}`);
                }
            },
        },
        {
            content: "A submitted item has its lamp too",
            trigger: `.o_kanban_record:contains('${SUBMITTED}') .o_supervision_light_green`,
        },
        {
            content: "Switch to the pivot view",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot counts the items per lead unit",
            trigger: ".o_pivot_view .o_content:not(.o_view_sample_data) tbody th:contains('教务处')",
        },
        {
            content: "Switch to the graph view",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "The graph is drawn",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        stepUtils.goToUrl("/odoo/action-university_supervision.supervision_urge_action"),
        {
            content: "Open an urge",
            trigger: ".o_list_view .o_data_row .o_data_cell[name='channel']",
            run: "click",
        },
        {
            content: "The urge is named by its item and day, not supervision.urge,N",
            trigger: ".o_breadcrumb .active:contains('督字'):contains('催办'):not(:contains('supervision.urge'))",
        },
        stepUtils.goToUrl(
            "/odoo/action-university_supervision.supervision_assessment_report_action"
        ),
        {
            content: "The assessment lists the lead role before the assisting one",
            trigger: ".o_pivot_view .o_content:not(.o_view_sample_data) tbody th:contains('协办')",
            run() {
                const headers = [...document.querySelectorAll(".o_pivot_view tbody th")].map(
                    (th) => th.textContent.trim()
                );
                const lead = headers.findIndex((text) => text.includes("主办"));
                const assist = headers.findIndex((text) => text.includes("协办"));
                if (lead < 0 || assist < lead) {
                    throw new Error(`rows: ${headers.join(" | ")}`);
                }
            },
        },
        noSidewaysScroll("The assessment pivot"),
    ],
});

registry.category("web_tour.tours").add("university_supervision_ui_popups", {
    url: "/odoo/action-university_supervision.supervision_item_action_my_units",
    steps: () => [
        ...openItem(IN_PROGRESS),
        ...clickHeaderButton("action_report_progress", "反馈进展"),
        {
            content: "The progress pop-up shows the item, read-only",
            trigger: `.modal .o_field_widget[name='item_id']:contains('${IN_PROGRESS}'):not(:has(input))`,
            run() {
                if (document.activeElement?.closest(".o_field_widget[name='item_id']")) {
                    throw new Error("the cursor is in the item field");
                }
            },
        },
        {
            content: "Close the pop-up",
            trigger: ".modal .o_form_button_cancel, .modal .btn-close",
            run: "click",
        },
        ...clickHeaderButton("action_request_extension", "申请延期"),
        {
            content: "The extension pop-up shows the item, read-only, and the cursor is in the requested date",
            trigger: `.modal .o_field_widget[name='item_id']:contains('${IN_PROGRESS}'):not(:has(input))`,
            run() {
                const focused = document.activeElement;
                if (!focused?.closest(".o_field_widget[name='date_requested']")) {
                    throw new Error(`the cursor is in ${focused?.outerHTML.slice(0, 120)}`);
                }
            },
        },
        {
            content: "Close the pop-up",
            trigger: ".modal .o_form_button_cancel, .modal .btn-close",
            run: "click",
        },
        {
            content: "Back on the item",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
    ],
});

function openCockpit() {
    return [
        {
            isActive: ["desktop"],
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Open the Dashboards app",
            trigger:
                ".o_app[data-menu-xmlid='spreadsheet_dashboard.spreadsheet_dashboard_menu_root']",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Open the leaders' cockpit",
            trigger: ".o_search_panel_category_value:contains('领导驾驶舱')",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "The cockpit is selected",
            trigger: ".o_search_panel_category_value.active:contains('领导驾驶舱')",
        },
        {
            isActive: ["mobile"],
            content: "The phone shows the cockpit's figures",
            trigger: ".o_spreadsheet_dashboard_action .o-figure-canvas",
        },
    ];
}

registry.category("web_tour.tours").add("university_supervision_ui_cockpit", {
    url: "/odoo",
    steps: () => [
        ...openCockpit(),
        {
            content: "The headline figures are drawn",
            trigger: ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status)) canvas.o-scorecard[title='逾期']",
        },
        {
            content: "... with the decisions waiting for me",
            trigger: "canvas.o-scorecard[title='待我审定']",
        },
        {
            content: "The charts by unit and leader are drawn (the others below)",
            trigger: ".o-figure-canvas:not(.o-scorecard)",
            run() {
                const charts = document.querySelectorAll(".o-figure-canvas:not(.o-scorecard)").length;
                if (charts < 3) {
                    throw new Error(`${charts} charts`);
                }
            },
        },
        {
            content: "Click a headline figure: it opens the items behind it",
            trigger: ".o-dashboard-clickable-cell",
            run: "click",
        },
        {
            content: "The items are listed",
            trigger: ".o_list_view .o_data_row",
        },
    ],
});

registry.category("web_tour.tours").add("university_supervision_ui_cockpit_phone", {
    url: "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
    steps: () => [
        ...openCockpit(),
        {
            content: "The headline figures are drawn on the phone",
            trigger: "canvas.o-scorecard[title='逾期']",
        },
        fitsScreen("canvas.o-scorecard[title='逾期']", "A headline figure"),
        {
            content: "The lights by unit are a chart the phone shows",
            trigger: ".o_spreadsheet_dashboard_action .o-figure-canvas:not(.o-scorecard)",
            run() {
                const charts = document.querySelectorAll(".o-figure-canvas:not(.o-scorecard)").length;
                if (charts < 4) {
                    throw new Error(`${charts} charts on the phone`);
                }
            },
        },
    ],
});
