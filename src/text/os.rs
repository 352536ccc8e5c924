//! The operating system's own words inside a message. std writes an OS
//! error as `No such file or directory (os error 2)`, in English whatever
//! the user's language; the Indonesian catalogue says the common ones in
//! Indonesian by their error number, and keeps any other text as it came.

/// `error` in Indonesian when it is an OS error zi knows, else unchanged.
pub(super) fn indonesian(error: &str) -> String {
    let Some((_, number)) = error.strip_suffix(')').and_then(|e| e.rsplit_once("(os error ")) else {
        return error.to_string();
    };
    let words = match number.parse::<i32>() {
        Ok(1) => "operasi tidak diizinkan",
        Ok(2) => "berkas atau folder tidak ada",
        Ok(5) => "kesalahan baca/tulis perangkat",
        Ok(12) => "memori tidak cukup",
        Ok(13) => "akses ditolak",
        Ok(17) => "berkas sudah ada",
        Ok(18) => "tidak dapat dipindahkan antarperangkat",
        Ok(20) => "bukan folder",
        Ok(21) => "berupa folder",
        Ok(22) => "argumen tidak sah",
        Ok(24) => "terlalu banyak berkas terbuka",
        Ok(26) => "berkas sedang dijalankan",
        Ok(27) => "berkas terlalu besar",
        Ok(28) => "ruang disk habis",
        Ok(30) => "sistem berkas hanya-baca",
        Ok(32) => "pipa sudah ditutup",
        Ok(36) => "nama berkas terlalu panjang",
        Ok(39) => "folder tidak kosong",
        Ok(40) => "terlalu banyak tingkat tautan simbolik",
        Ok(122) => "kuota disk habis",
        _ => return error.to_string(),
    };
    format!("{words} (kesalahan OS {number})")
}

#[cfg(test)]
mod tests {
    use super::indonesian;

    #[test]
    fn os_errors_zi_knows_are_said_in_indonesian_and_others_are_kept() {
        let missing = std::io::Error::from_raw_os_error(2).to_string();
        assert_eq!(indonesian(&missing), "berkas atau folder tidak ada (kesalahan OS 2)");
        let denied = std::io::Error::from_raw_os_error(13).to_string();
        assert_eq!(indonesian(&denied), "akses ditolak (kesalahan OS 13)");
        let odd = std::io::Error::from_raw_os_error(71).to_string();
        assert_eq!(indonesian(&odd), odd);
        assert_eq!(indonesian("fatal: not a git repository"), "fatal: not a git repository");
        assert_eq!(indonesian("(os error x)"), "(os error x)");
        assert_eq!(indonesian(""), "");
    }
}
