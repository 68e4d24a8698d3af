import { Paper, Title } from '@mantine/core';
import classes from './BarChart.module.css';
import { type ChartData, segmentWidths } from './chart';

/**
 * Horizontal bars drawn with plain elements. The picture is one image to assistive technology, named by
 * its summary; the table under it is the full accessible source.
 */
export function BarChart({ chart }: { chart: ChartData }) {
  const widths = segmentWidths(chart.bars);
  return (
    <Paper withBorder p="md" component="figure" className={classes.figure}>
      <figcaption>
        <Title order={3} size="h4">
          {chart.title}
        </Title>
      </figcaption>
      {chart.series.length > 1 && (
        <ul className={classes.legend} aria-label="Legend">
          {chart.series.map((s) => (
            <li key={s.label}>
              <span className={classes.swatch} style={{ background: s.color }} aria-hidden />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div role="img" aria-label={chart.summary} className={classes.chart}>
        {chart.bars.map((bar, i) => (
          <div key={bar.id} className={classes.row}>
            <span className={classes.label}>{bar.label}</span>
            <span className={classes.track}>
              {bar.values.map((v, j) =>
                v > 0 ? (
                  <span
                    key={chart.series[j]?.label ?? j}
                    className={classes.segment}
                    style={{ width: `${widths[i]![j]}%`, background: chart.series[j]?.color }}
                  />
                ) : null,
              )}
            </span>
            <span className={classes.value}>{bar.text}</span>
          </div>
        ))}
      </div>
    </Paper>
  );
}
