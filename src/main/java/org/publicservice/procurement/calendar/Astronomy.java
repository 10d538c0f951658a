package org.publicservice.procurement.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The two astronomical instants the statutory holidays depend on, from Jean Meeus, <i>Astronomical
 * Algorithms</i> (2nd ed.): the true new moon (chapter 49, accurate to well under a minute) and the Sun's apparent
 * longitude (chapter 25, accurate to about 0.01 degree, i.e. about a quarter of an hour).
 *
 * <p>Why not ICU alone: ICU4J's {@code ChineseCalendar} uses a coarser Moon and puts 2027's 正月初一 on February 7,
 * but that new moon falls at 23:56 Beijing time on February 6 (the annular eclipse of 2027-02-06), so 春节 is
 * February 6. ICU still decides which lunar month is which (leap months); the new moon fixes the day.
 */
final class Astronomy {

  /** The Chinese calendar counts days in the time of the 120th meridian east. */
  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  private static final double JD_UNIX_EPOCH = 2440587.5;
  private static final double DAY_MS = 86_400_000d;

  private Astronomy() {
  }

  /** The Beijing date of the true new moon closest to {@code near}. */
  static LocalDate newMoonDateNear(LocalDate near) {
    double yearFraction = near.getYear() + (near.getDayOfYear() - 0.5) / (near.isLeapYear() ? 366d : 365d);
    long k = Math.round((yearFraction - 2000) * 12.3685);
    double target = julianDay(near.atStartOfDay(BEIJING).toInstant()) + 0.5;
    double best = Double.NaN;
    for (long candidate = k - 1; candidate <= k + 1; candidate++) {
      double jd = universalTime(newMoonJde(candidate));
      if (Double.isNaN(best) || Math.abs(jd - target) < Math.abs(best - target)) {
        best = jd;
      }
    }
    return toInstant(best).atOffset(BEIJING).toLocalDate();
  }

  /** The instant the Sun's apparent longitude reaches {@code degrees}, searched from about {@code near}. */
  static Instant sunReachesLongitude(double degrees, LocalDate near) {
    double jde = julianDay(near.atStartOfDay(ZoneOffset.UTC).toInstant());
    for (int i = 0; i < 20; i++) {
      double delta = normalize(degrees - sunApparentLongitude(jde));
      if (delta > 180) {
        delta -= 360;
      }
      jde += delta / 0.98564736;
      if (Math.abs(delta) < 1e-7) {
        break;
      }
    }
    return toInstant(universalTime(jde));
  }

  /** Chapter 49: the true new moon number {@code k} (k = 0 on 2000-01-06), as a Julian Ephemeris Day. */
  static double newMoonJde(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
    double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

    double correction = -0.40720 * Math.sin(mp)
        + 0.17241 * e * Math.sin(m)
        + 0.01608 * Math.sin(2 * mp)
        + 0.01039 * Math.sin(2 * f)
        + 0.00739 * e * Math.sin(mp - m)
        - 0.00514 * e * Math.sin(mp + m)
        + 0.00208 * e * e * Math.sin(2 * m)
        - 0.00111 * Math.sin(mp - 2 * f)
        - 0.00057 * Math.sin(mp + 2 * f)
        + 0.00056 * e * Math.sin(2 * mp + m)
        - 0.00042 * Math.sin(3 * mp)
        + 0.00042 * e * Math.sin(m + 2 * f)
        + 0.00038 * e * Math.sin(m - 2 * f)
        - 0.00024 * e * Math.sin(2 * mp - m)
        - 0.00017 * Math.sin(omega)
        - 0.00007 * Math.sin(mp + 2 * m)
        + 0.00004 * Math.sin(2 * mp - 2 * f)
        + 0.00004 * Math.sin(3 * m)
        + 0.00003 * Math.sin(mp + m - 2 * f)
        + 0.00003 * Math.sin(2 * mp + 2 * f)
        - 0.00003 * Math.sin(mp + m + 2 * f)
        + 0.00003 * Math.sin(mp - m + 2 * f)
        - 0.00002 * Math.sin(mp - m - 2 * f)
        - 0.00002 * Math.sin(3 * mp + m)
        + 0.00002 * Math.sin(4 * mp);

    double[][] planetary = {
        {0.000325, 299.77, 0.107408}, {0.000165, 251.88, 0.016321}, {0.000164, 251.83, 26.651886},
        {0.000126, 349.42, 36.412478}, {0.000110, 84.66, 18.206239}, {0.000062, 141.74, 53.303771},
        {0.000060, 207.14, 2.453732}, {0.000056, 154.84, 7.306860}, {0.000047, 34.52, 27.261239},
        {0.000042, 207.19, 0.121824}, {0.000040, 291.34, 1.844379}, {0.000037, 161.72, 24.198154},
        {0.000035, 239.56, 25.513099}, {0.000023, 331.55, 3.592518}};
    double additional = 0;
    for (int i = 0; i < planetary.length; i++) {
      double argument = planetary[i][1] + planetary[i][2] * k - (i == 0 ? 0.009173 * t2 : 0);
      additional += planetary[i][0] * Math.sin(rad(argument));
    }
    return jde + correction + additional;
  }

  /** Chapter 25, low accuracy, with nutation and aberration: the apparent longitude in degrees. */
  static double sunApparentLongitude(double jde) {
    double t = (jde - 2451545.0) / 36525;
    double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
    double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
        + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
        + 0.000289 * Math.sin(3 * m);
    double omega = rad(125.04 - 1934.136 * t);
    return normalize(l0 + c - 0.00569 - 0.00478 * Math.sin(omega));
  }

  /** Dynamical time to universal time: Espenak and Meeus' polynomials for ΔT. */
  static double universalTime(double jde) {
    double year = 2000 + (jde - 2451545.0) / 365.25;
    double deltaT;
    if (year >= 2005 && year < 2050) {
      double t = year - 2000;
      deltaT = 62.92 + 0.32217 * t + 0.005589 * t * t;
    } else if (year >= 2050 && year < 2150) {
      double u = (year - 1820) / 100;
      deltaT = -20 + 32 * u * u - 0.5628 * (2150 - year);
    } else if (year >= 1986 && year < 2005) {
      double t = year - 2000;
      deltaT = 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
          + 0.00002373599 * Math.pow(t, 5);
    } else {
      double u = (year - 1820) / 100;
      deltaT = -20 + 32 * u * u;
    }
    return jde - deltaT / 86400;
  }

  static double julianDay(Instant instant) {
    return instant.toEpochMilli() / DAY_MS + JD_UNIX_EPOCH;
  }

  static Instant toInstant(double julianDay) {
    return Instant.ofEpochMilli(Math.round((julianDay - JD_UNIX_EPOCH) * DAY_MS));
  }

  private static double rad(double degrees) {
    return Math.toRadians(normalize(degrees));
  }

  private static double normalize(double degrees) {
    double d = degrees % 360;
    return d < 0 ? d + 360 : d;
  }
}
