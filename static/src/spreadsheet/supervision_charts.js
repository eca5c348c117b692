/** @odoo-module **/
/**
 * The supervision dashboards' charts (models ``supervision.*``):
 * - counts have whole-number ticks on the vertical axis (no 0.5 item);
 * - the datasets of a warning light are drawn in the light's own colour.
 */
import * as spreadsheet from "@odoo/o-spreadsheet";
import "@spreadsheet/chart/odoo_chart/odoo_bar_chart";
import "@spreadsheet/chart/odoo_chart/odoo_line_chart";

const { chartRegistry } = spreadsheet.registries;

const LIGHT_COLORS = {
    green: "#21A453",
    yellow: "#FFD21F",
    red: "#E0312B",
};
// the labels of the warning_light selection in the shipped languages
const LIGHT_LABELS = {
    Green: "green",
    绿灯: "green",
    Yellow: "yellow",
    黄灯: "yellow",
    Red: "red",
    红灯: "red",
};

function isSupervisionChart(chart) {
    return (chart.metaData?.resModel || "").startsWith("supervision.");
}

function patchRuntime(chart, runtime) {
    const config = runtime?.chartJsConfig;
    if (!config || !isSupervisionChart(chart)) {
        return runtime;
    }
    const y = config.options?.scales?.y;
    if (y && chart.metaData.measure === "__count") {
        y.ticks = { ...y.ticks, precision: 0 };
    }
    if ((chart.metaData.groupBy || []).includes("warning_light")) {
        for (const dataset of config.data?.datasets || []) {
            const color = LIGHT_COLORS[LIGHT_LABELS[dataset.label]];
            if (color) {
                dataset.backgroundColor = color;
                dataset.borderColor = color;
            }
        }
    }
    return runtime;
}

for (const type of ["odoo_bar", "odoo_line"]) {
    const item = chartRegistry.get(type);
    const getChartRuntime = item.getChartRuntime;
    chartRegistry.add(type, {
        ...item,
        getChartRuntime: (chart, getters) => patchRuntime(chart, getChartRuntime(chart, getters)),
    });
}
