//! Dates as content writes them: `YYYY-MM-DD`, or `YYYY-MM` when the day is not known, with
//! the place they were written.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A date written as `YYYY-MM-DD`, or a year and month written as `YYYY-MM` when the day is not
/// known. The date field is the day itself, or the first of the month; the precision says which
/// was written, so the first of the month is never shown as if it were known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportDate(pub NaiveDate, pub DatePrecision);

/// How much of a [`ReportDate`] was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    /// Year, month and day: `YYYY-MM-DD`.
    Day,
    /// Year and month only: `YYYY-MM`.
    Month,
}

impl ReportDate {
    /// Reads `YYYY-MM-DD` or `YYYY-MM`, with a four-digit year from 1900 to 9999.
    pub fn parse(text: &str) -> Result<ReportDate, String> {
        let text = text.trim();
        let invalid =
            |why: &str| crate::tr!("date-invalid", text = text.to_string(), why = why.to_string());
        let expected = &crate::tr!("date-expected-format");
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let fields: Vec<&str> = text.split('-').collect();
        let (year, month, day) = match fields.as_slice() {
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => (*y, *m, Some(*d)),
            [y, m] if digits(y, 4) && digits(m, 2) => (*y, *m, None),
            _ => return Err(invalid(expected)),
        };
        // Only ASCII digits of fixed length reach here, so the numbers parse.
        let number = |s: &str| s.parse::<u32>().unwrap_or_default();
        let (year, month) = (number(year), number(month));
        if !(1900..=9999).contains(&year) {
            return Err(invalid(&crate::tr!("date-year-out-of-range")));
        }
        if !(1..=12).contains(&month) {
            return Err(invalid(&crate::tr!(
                "date-no-such-month",
                month = month.to_string(),
                year = year.to_string()
            )));
        }
        let year = i32::try_from(year).unwrap_or_default();
        match day {
            Some(day) => {
                let day = number(day);
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(|date| ReportDate(date, DatePrecision::Day))
                    .ok_or_else(|| invalid(&no_such_day(year, month, day)))
            }
            None => NaiveDate::from_ymd_opt(year, month, 1)
                .map(|date| ReportDate(date, DatePrecision::Month))
                .ok_or_else(|| invalid(expected)),
        }
    }
}

impl ReportDate {
    /// The last day the date stands for: the day itself, or the month's last day. A deadline
    /// written as a month runs to its end.
    pub fn last_day(self) -> NaiveDate {
        match self.1 {
            DatePrecision::Day => self.0,
            DatePrecision::Month => self
                .0
                .checked_add_months(chrono::Months::new(1))
                .and_then(|next| next.pred_opt())
                .unwrap_or(self.0),
        }
    }
}

/// Why day `day` of a month does not exist: "February 2023 has 28 days".
fn no_such_day(year: i32, month: u32, day: u32) -> String {
    if day == 0 {
        return crate::tr!("date-day-zero");
    }
    let days = (28..=31).rev().find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some());
    crate::tr!(
        "date-no-such-day",
        month = month.clamp(1, 12),
        year = year.to_string(),
        days = days.unwrap_or(28).to_string(),
        day = day.to_string()
    )
}

/// A [`ReportDate`] with the place it is written, for warnings about it; it reads as the date
/// itself (`*due`, `due.last_day()`), and two are equal when their dates are.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(from = "Spanned<ReportDate>")]
pub struct DateAt {
    /// The date.
    pub date: ReportDate,
    /// 1-based line of the date in its file (0 if unknown).
    pub line: usize,
    /// 1-based column of the date in its file (0 if unknown).
    pub column: usize,
}

impl From<Spanned<ReportDate>> for DateAt {
    fn from(spanned: Spanned<ReportDate>) -> Self {
        DateAt {
            date: spanned.value,
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
        }
    }
}

impl From<ReportDate> for DateAt {
    fn from(date: ReportDate) -> Self {
        DateAt { date, line: 0, column: 0 }
    }
}

impl From<DateAt> for ReportDate {
    fn from(at: DateAt) -> Self {
        at.date
    }
}

impl std::ops::Deref for DateAt {
    type Target = ReportDate;
    fn deref(&self) -> &ReportDate {
        &self.date
    }
}

impl PartialEq for DateAt {
    fn eq(&self, other: &Self) -> bool {
        self.date == other.date
    }
}

impl Eq for DateAt {}

impl std::fmt::Display for DateAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.date.fmt(f)
    }
}

impl std::fmt::Display for ReportDate {
    /// As written: `YYYY-MM-DD` or `YYYY-MM` (also valid in an HTML `datetime` attribute).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1 {
            DatePrecision::Day => write!(f, "{}", self.0.format("%Y-%m-%d")),
            DatePrecision::Month => write!(f, "{}", self.0.format("%Y-%m")),
        }
    }
}

impl<'de> Deserialize<'de> for ReportDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ReportDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_date_is_explained_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let en = in_language(UiLanguage::En, || ReportDate::parse("2023-02-30").unwrap_err());
        assert_eq!(
            en,
            "invalid date `2023-02-30`: February 2023 has 28 days, so there is no day 30"
        );
        let sv = in_language(UiLanguage::Sv, || ReportDate::parse("2023-02-30").unwrap_err());
        assert_eq!(
            sv,
            "ogiltigt datum `2023-02-30`: februari 2023 har 28 dagar, så dag 30 finns inte"
        );
        let en = in_language(UiLanguage::En, || ReportDate::parse("2023-12-32").unwrap_err());
        assert!(en.contains("December 2023 has 31 days"), "{en}");
        let sv = in_language(UiLanguage::Sv, || ReportDate::parse("2023-13-01").unwrap_err());
        assert_eq!(
            sv,
            "ogiltigt datum `2023-13-01`: månad 13 finns inte; månaden skrivs 01 till 12, till \
             exempel 2023-09-15"
        );
    }

    fn parse(text: &str) -> Result<ReportDate, String> {
        ReportDate::parse(text)
    }

    #[test]
    fn reads_a_full_date() {
        let date = parse("2023-08-25").unwrap();
        assert_eq!(
            date,
            ReportDate(NaiveDate::from_ymd_opt(2023, 8, 25).unwrap(), DatePrecision::Day)
        );
        assert_eq!(date.to_string(), "2023-08-25");
    }

    #[test]
    fn reads_a_year_and_month_as_the_first_of_the_month() {
        let date = parse("2022-12").unwrap();
        assert_eq!(
            date,
            ReportDate(NaiveDate::from_ymd_opt(2022, 12, 1).unwrap(), DatePrecision::Month)
        );
        // Shown as written, never with the first of the month as if the day were known.
        assert_eq!(date.to_string(), "2022-12");
    }

    #[test]
    fn requires_a_four_digit_year() {
        for text in
            ["+10000-09-12", "10000-09-12", "-2023-08-25", "+2023-08-25", "023-08-25", "23-08"]
        {
            let error = parse(text).unwrap_err();
            assert!(error.contains(&format!("`{text}`")), "{error}");
            assert!(error.contains("expected YYYY-MM-DD, or YYYY-MM"), "{error}");
        }
    }

    // `+10000-09-12` used to pass and make the PDF stage panic: years stay within 1900–9999.
    #[test]
    fn rejects_years_outside_1900_to_9999() {
        for text in ["1899-12-31", "0000-01-01", "1899-12"] {
            let error = parse(text).unwrap_err();
            assert!(error.contains(&format!("invalid date `{text}`")), "{error}");
            assert!(error.contains("the year must be from 1900 to 9999"), "{error}");
        }
        assert!(parse("1900-01-01").is_ok());
        assert!(parse("9999-12-31").is_ok());
    }

    #[test]
    fn rejects_impossible_months_and_days_with_a_clear_message() {
        let error = parse("2023-13-01").unwrap_err();
        assert_eq!(
            error,
            "invalid date `2023-13-01`: month 13 does not exist; the month is written 01 to 12, \
             e.g. 2023-09-15"
        );
        let error = parse("2023-13").unwrap_err();
        assert!(error.starts_with("invalid date `2023-13`: month 13 does not exist"), "{error}");
        let error = parse("2023-00").unwrap_err();
        assert!(error.starts_with("invalid date `2023-00`: month 0 does not exist"), "{error}");
        let error = parse("2023-02-30").unwrap_err();
        assert_eq!(
            error,
            "invalid date `2023-02-30`: February 2023 has 28 days, so there is no day 30"
        );
        let error = parse("2024-02-30").unwrap_err();
        assert_eq!(
            error,
            "invalid date `2024-02-30`: February 2024 has 29 days, so there is no day 30"
        );
        let error = parse("2023-04-31").unwrap_err();
        assert!(error.ends_with("April 2023 has 30 days, so there is no day 31"), "{error}");
        let error = parse("2023-04-00").unwrap_err();
        assert!(error.ends_with("day 00 does not exist; the day is written 01 to 31"), "{error}");
        assert!(parse("2024-02-29").is_ok());
    }

    #[test]
    fn rejects_other_shapes() {
        for text in [
            "2023",
            "2023-8-25",
            "2023-08-5",
            "2023/08/25",
            "25 augusti 2023",
            "",
            "2023-08-25T10:00",
        ] {
            let error = parse(text).unwrap_err();
            assert!(error.contains("expected YYYY-MM-DD, or YYYY-MM"), "{error}");
        }
    }
}
