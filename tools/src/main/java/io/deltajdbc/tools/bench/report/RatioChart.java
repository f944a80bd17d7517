package io.deltajdbc.tools.bench.report;

import io.deltajdbc.tools.bench.Comparison;
import io.deltajdbc.tools.bench.SideResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A horizontal bar per comparison and peer, of the ratio us/peer on a logarithmic axis, with the
 * line at 1 (a bar ending left of it is a workload where we are faster). Drawn headless.
 */
final class RatioChart {
  private RatioChart() {}

  static void write(Path png, String title, List<Comparison> results) throws IOException {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int bars = 0;
    for (Comparison c : results) {
      for (SideResult p : c.peers()) {
        data.addValue(
            c.ratio(p), "vs " + p.name(), c.workload() + " | " + c.dataset() + " | " + c.variant());
        bars++;
      }
    }
    LogAxis axis =
        new LogAxis("delta-jdbc time / peer time (log scale; < 1: delta-jdbc is faster)");
    axis.setSmallestValue(1e-3);
    axis.setBase(10);
    axis.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten, labelled 0.01, 0.1, 1, 10
    axis.setNumberFormatOverride(new DecimalFormat("0.####"));
    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    categories.setMaximumCategoryLabelWidthRatio(0.6f);
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    CategoryPlot plot = new CategoryPlot(data, categories, axis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ValueMarker one = new ValueMarker(1.0, Color.BLACK, new BasicStroke(2f));
    plot.addRangeMarker(one);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1600, 160 + 22 * Math.max(bars, 4));
  }
}
