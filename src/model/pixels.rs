//! Load stage: how many pixels an image decodes to, read from its header, and the most a report's
//! images may decode to together; shared by the report's images, the brand's logos and the
//! images a template reads.

/// Most pixels the images of one report may decode to, together. Typst decodes each raster
/// image whole (at three or four bytes a pixel) and keeps it for the build, and a small file
/// can hold a large image: three 466 KB PNGs of 16 000 × 10 000 took a build to 1.45 GB. A
/// hundred megapixels is eight full-size photos from a phone camera, or fifty full-HD screen
/// shots, and keeps a report's decoded images within about 300 MB (two different PNGs of
/// 7 000 × 7 000 took a build's peak from 43 MB to 329 MB).
pub const MAX_REPORT_PIXELS: u64 = 100_000_000;

/// The pixels a raster image decodes to (width × height, as the decoder Typst uses reads
/// them from the header); 0 for an SVG, which is drawn rather than decoded, and for a file no
/// decoder reads, which the build then refuses as Typst does.
pub fn decoded_pixels(bytes: &[u8]) -> u64 {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format();
    // Without the decoder's own limit, which would refuse to read the size of a huge image.
    match reader.map(|mut reader| {
        reader.no_limits();
        reader.into_dimensions()
    }) {
        Ok(Ok((width, height))) => u64::from(width) * u64::from(height),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stated_png;

    #[test]
    fn decoded_pixels_are_read_from_the_header_however_large() {
        assert_eq!(decoded_pixels(&stated_png(640, 480)), 640 * 480);
        // Past the decoder's own limit of 512 MiB, which would hide the size.
        assert_eq!(decoded_pixels(&stated_png(100_000, 100_000)), 10_000_000_000);
        let gif = b"GIF89a\x0A\x00\x05\x00\x80\x00\x00\xFF\xFF\xFF\x00\x00\x00\
                    ,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
        assert_eq!(decoded_pixels(gif), 50);
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"/>"#;
        assert_eq!(decoded_pixels(svg), 0);
        assert_eq!(decoded_pixels(b"not an image"), 0);
    }

    // A panic while reading one report ended `build --all` (its overview loads every report
    // outside the reports' own builds) with no outputs and no index.
}
