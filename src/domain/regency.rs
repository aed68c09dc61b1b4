//! East Java's regencies (kabupaten) and cities (kota) with their NIK region codes.

/// (code, name) for every regency and city of East Java, in code order.
pub const EAST_JAVA: [(u16, &str); 38] = [
    (3501, "Kab. Pacitan"),
    (3502, "Kab. Ponorogo"),
    (3503, "Kab. Trenggalek"),
    (3504, "Kab. Tulungagung"),
    (3505, "Kab. Blitar"),
    (3506, "Kab. Kediri"),
    (3507, "Kab. Malang"),
    (3508, "Kab. Lumajang"),
    (3509, "Kab. Jember"),
    (3510, "Kab. Banyuwangi"),
    (3511, "Kab. Bondowoso"),
    (3512, "Kab. Situbondo"),
    (3513, "Kab. Probolinggo"),
    (3514, "Kab. Pasuruan"),
    (3515, "Kab. Sidoarjo"),
    (3516, "Kab. Mojokerto"),
    (3517, "Kab. Jombang"),
    (3518, "Kab. Nganjuk"),
    (3519, "Kab. Madiun"),
    (3520, "Kab. Magetan"),
    (3521, "Kab. Ngawi"),
    (3522, "Kab. Bojonegoro"),
    (3523, "Kab. Tuban"),
    (3524, "Kab. Lamongan"),
    (3525, "Kab. Gresik"),
    (3526, "Kab. Bangkalan"),
    (3527, "Kab. Sampang"),
    (3528, "Kab. Pamekasan"),
    (3529, "Kab. Sumenep"),
    (3571, "Kota Kediri"),
    (3572, "Kota Blitar"),
    (3573, "Kota Malang"),
    (3574, "Kota Probolinggo"),
    (3575, "Kota Pasuruan"),
    (3576, "Kota Mojokerto"),
    (3577, "Kota Madiun"),
    (3578, "Kota Surabaya"),
    (3579, "Kota Batu"),
];

/// The name of an East Java regency or city code, if it is one.
pub fn name(code: u16) -> Option<&'static str> {
    EAST_JAVA.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique_and_named() {
        let mut codes: Vec<u16> = super::EAST_JAVA.iter().map(|(c, _)| *c).collect();
        codes.dedup();
        assert_eq!(codes.len(), 38);
        assert_eq!(super::name(3514), Some("Kab. Pasuruan"));
        assert_eq!(super::name(3575), Some("Kota Pasuruan"));
        assert_eq!(super::name(3171), None);
    }
}
