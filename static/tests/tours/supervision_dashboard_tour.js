/** @odoo-module **/
/**
 * Issue flow 5: the office opens the supervision dashboard (督办) in the
 * Dashboards app, waits for its pivots and charts, then opens the unit
 * assessment (单位考核) and finds the lead unit (教务处) in its pivot.
 */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const DASHBOARD = "督办";
const UNIT = "教务处";

registry.category("web_tour.tours").add("university_supervision_dashboard", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Dashboards app",
            trigger:
                ".o_app[data-menu-xmlid='spreadsheet_dashboard.spreadsheet_dashboard_menu_root']",
            run: "click",
        },
        {
            content: `Open the dashboard "${DASHBOARD}"`,
            trigger: `.o_search_panel_category_value:contains('${DASHBOARD}')`,
            run: "click",
        },
        {
            content: "The dashboard is selected and its spreadsheet drawn",
            trigger: `.o_search_panel_category_value.active:contains('${DASHBOARD}')`,
        },
        {
            content: "The spreadsheet's canvas is shown",
            trigger: ".o_spreadsheet_dashboard_action .o-spreadsheet canvas",
        },
        {
            content: "Its pivots are loaded: their figures are clickable cells",
            trigger:
                ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status)) .o-dashboard-clickable-cell",
        },
        {
            content: "Its charts are drawn",
            trigger: ".o-spreadsheet .o-figure canvas",
        },
        stepUtils.goToUrl(
            "/odoo/action-university_supervision.supervision_assessment_report_action"
        ),
        {
            content: `The assessment pivot has a row of ${UNIT} (real data, not the sample)`,
            trigger: `.o_pivot_view .o_content:not(.o_view_sample_data) table tbody th:contains('${UNIT}')`,
        },
    ],
});
