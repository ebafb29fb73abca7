import { parseExportDate } from '../../../src/connectors/hubspot/export-dates';

describe('HubSpot export dates', () => {
  it.each([
    ['2024-03-05 14:12', 'UTC', '2024-03-05T14:12:00.000Z'],
    ['2024-03-05 14:12:45', 'UTC', '2024-03-05T14:12:45.000Z'],
    ['2024-03-05 14:12:45.5', 'UTC', '2024-03-05T14:12:45.500Z'],
    ['2024-03-05T14:12', 'UTC', '2024-03-05T14:12:00.000Z'],
    ['2024-03-05', 'Europe/Berlin', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T14:12:00Z', 'Europe/Berlin', '2024-03-05T14:12:00.000Z'],
    ['2024-03-05T14:12:00+02:00', 'UTC', '2024-03-05T12:12:00.000Z'],
    ['2024-03-05 14:12', 'Europe/Berlin', '2024-03-05T13:12:00.000Z'],
    ['2024-07-05 14:12', 'Europe/Berlin', '2024-07-05T12:12:00.000Z'],
    ['2024-03-31 03:30', 'Europe/Berlin', '2024-03-31T01:30:00.000Z'], // first hour after the spring-forward gap
    ['2024-10-27 01:30', 'Europe/Berlin', '2024-10-26T23:30:00.000Z'],
    ['2024-01-01 00:00', 'Asia/Kolkata', '2023-12-31T18:30:00.000Z'],
  ])('reads %s in %s as %s', (text, timezone, iso) => {
    expect(parseExportDate(text, timezone)).toEqual({ date: new Date(iso) });
  });

  it.each([
    ['yesterday', 'is not a date'],
    ['2024-02-30 10:00', 'is not a calendar date and time'],
    ['2024-02-30', 'is not a calendar date'],
    ['2024-03-05 24:10', 'is not a calendar date and time'],
    ['05/03/2024 14:12', 'has an ambiguous day/month order'],
    ['5.3.2024', 'has an ambiguous day/month order'],
    ['1709647920000', 'is not a date'],
  ])('refuses %s: %s', (text, problem) => {
    expect(parseExportDate(text, 'UTC')).toMatchObject({ problem });
  });
});
