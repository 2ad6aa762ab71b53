#!/usr/bin/env python3
"""Seeded, deterministic generator of a synthetic corpus of Markdown news articles.

Each article is a galley Markdown article (see ../README.md, "Content folder"): YAML front
matter between `---` lines (title, date, author, tags, region, summary) and a CommonMark body
of 400-900 words with links, lists, a blockquote, an image and one or two `##` headings.

    python3 bench/generate_corpus.py --count N --seed S --out DIR [--hugo-out DIR2] [--force]

writes DIR/posts/NNNNNN-<slug>.md. With --hugo-out it also writes the Hugo variant of every
article to DIR2/posts/ (same file name, same bytes except one front-matter line: galley's
`region: "X"` becomes Hugo's taxonomy list `regions: ["X"]`).

Properties:
- deterministic: the same --count and --seed give byte-identical files; one random stream is
  consumed article by article, so the corpus of N articles is the first N articles of any larger
  corpus with the same seed;
- titles are unique (and so are file names);
- tags: 3-6 distinct tags per article drawn from a Zipf-like distribution (weight 1/rank) over a
  pool of 2,000 tag names, including Indonesian, Javanese words with diacritics, Chinese and
  Arabic names; region: one of 120 regions (Zipf-like, exponent 0.8);
- dates: RFC 3339 with a +07:00 offset, uniform over 2024-01-01 .. 2025-12-31 (two years);
- every string value in the front matter is a JSON double-quoted string, which is valid YAML.

Standard library only.
"""

import argparse
import bisect
import itertools
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from datetime import datetime, timedelta, timezone

# ---------------------------------------------------------------------------------------------
# Vocabulary. Everything below is fixed data; all randomness comes from one seeded Random.

TAG_BASES = [
    # Indonesian news topics
    "Banjir", "Pemilu", "Ekonomi", "Kesehatan", "Pendidikan", "Teknologi", "Pertanian",
    "Transportasi", "Sepak Bola", "Pilkada", "Inflasi", "Harga Pangan", "Beras", "Cabai Rawit",
    "Minyak Goreng", "BBM", "Listrik", "Tol", "Kereta Cepat", "KRL", "MRT", "Bandara",
    "Pelabuhan", "Mudik", "Lebaran", "Ramadan", "Natal", "Tahun Baru", "Gempa", "Tsunami",
    "Gunung Api", "Kebakaran Hutan", "Kabut Asap", "Longsor", "Kekeringan", "Cuaca Ekstrem",
    "Perubahan Iklim", "Sampah Plastik", "Mangrove", "Terumbu Karang", "Nelayan", "Petani",
    "UMKM", "Pajak", "APBN", "APBD", "Korupsi", "KPK", "Polri", "TNI", "DPR", "DPRD",
    "Pemkot", "Pemprov", "Bansos", "Stunting", "Demam Berdarah", "Vaksinasi", "BPJS Kesehatan",
    "Rumah Sakit", "Puskesmas", "Sekolah", "Kurikulum Merdeka", "Beasiswa", "Kampus", "PPDB",
    "Guru Honorer", "Startup", "Kecerdasan Buatan", "Judi Online", "Pinjol", "Ojek Online",
    "Pariwisata", "Kuliner", "Festival", "Film", "Musik", "Liga 1", "Timnas", "Bulu Tangkis",
    "MotoGP", "Esports", "Olimpiade", "Saham", "Rupiah", "Bank Indonesia", "Suku Bunga",
    "Ekspor", "Impor", "Nikel", "Batu Bara", "Sawit", "Kopi", "Kakao", "Karet", "Tambang",
    "Investasi", "Properti", "Perumahan", "Air Bersih", "Sanitasi", "Jalan Rusak", "Jembatan",
    "Lalu Lintas", "Kecelakaan", "Narkoba", "Kriminal", "Pengadilan", "Hukum", "HAM",
    "Perempuan", "Anak", "Disabilitas", "Lansia", "Buruh", "UMR", "PHK", "Pengangguran",
    "Kemiskinan", "Desa", "Dana Desa", "Pilkades", "Otonomi Daerah", "IKN", "Nusantara",
    # Javanese words with diacritics (pepak-style spelling)
    "Kabudayan Jawi", "Wayang Kulit", "Gamelan", "Sêrat Centhini", "Tembang Macapat",
    "Kêraton", "Bêdhaya Kêtawang", "Sêkatèn", "Grêbêg Mulud", "Nyadran", "Ruwatan",
    "Labuhan Mêrapi", "Tumpêng", "Jathilan", "Kêthoprak", "Dhalang", "Pêsindhèn", "Batik Tulis",
    "Lurik", "Blangkon", "Kêris", "Gêjog Lêsung", "Mitoni", "Slamêtan", "Sêdhêkah Bumi",
    "Jumênêngan", "Pasar Lêgi", "Wêton", "Pranata Mangsa", "Kidung Rumêkso", "Rèyog Ponorogo",
    "Sêndratari", "Karawitan", "Kêjawèn", "Pawukon", "Gêndhing", "Sindhèn", "Ludrug",
    # other Latin scripts with diacritics
    "Café", "São Paulo FC", "Fútbol", "Économie", "Crème de la Mer", "Pokémon", "Señorita",
    "Jalapeño", "Müller", "Åland", "Øresund", "Déjà Vu", "Naïve Art", "Fiancé",
    # Chinese
    "北京", "上海", "经济", "教育", "台风", "春节", "一带一路", "人工智能", "电动汽车", "高铁",
    "足球", "中秋节", "香港", "台湾", "股市", "房地产", "外交", "稀土", "半导体", "电商",
    "直播带货", "新能源", "碳中和", "乡村振兴", "大湾区",
    # Arabic
    "الاقتصاد", "التعليم", "الصحة", "رمضان", "الحج", "العمرة", "فلسطين", "غزة", "القدس",
    "النفط", "السياحة", "الانتخابات", "كرة القدم", "الذكاء الاصطناعي", "المناخ", "الزكاة",
    "الأزهر", "مكة المكرمة",
    # English
    "Climate", "Elections", "Inflation", "Football", "Technology", "Health", "Education",
    "Energy", "Trade", "Shipping", "Aviation", "Cybersecurity", "Space", "Wildlife", "Oceans",
]

TAG_MODIFIERS = (
    [str(year) for year in range(2015, 2027)]
    + ["Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Semarang", "Yogyakarta",
       "Denpasar", "Palembang", "Balikpapan", "Manado", "Jayapura", "Kupang", "Ambon",
       "Nasional", "Daerah", "Global", "Asia", "ASEAN", "Terkini", "Online", "Digital",
       "Hijau", "Desa", "Kota", "Pesisir", "Musim Hujan", "Musim Kemarau", "Jilid II",
       "Sêlatan", "Lor", "Kidul", "Wétan", "Kulon", "中国", "国际", "العربية", "الدولية"]
)

REGIONS = [
    # 38 Indonesian provinces
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
    "Sumatera Selatan", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "Banten", "Jakarta",
    "Jawa Barat", "Jawa Tengah", "Daerah Istimewa Yogyakarta", "Jawa Timur", "Bali",
    "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
    "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo",
    "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Tengah",
    "Papua Pegunungan", "Papua Selatan",
    # Indonesian cities and regencies
    "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Palembang", "Tangerang", "Depok",
    "Bekasi", "Bogor", "Malang", "Sidoarjo", "Solo", "Cirebon", "Garut", "Tasikmalaya",
    "Sukabumi", "Purwakarta", "Karawang", "Tegal", "Pekalongan", "Magelang", "Kudus", "Jepara",
    "Banyumas", "Cilacap", "Kediri", "Blitar", "Madiun", "Jember", "Banyuwangi", "Probolinggo",
    "Pasuruan", "Mojokerto", "Gresik", "Lamongan", "Tuban", "Bojonegoro", "Ponorogo",
    "Pacitan", "Denpasar", "Mataram", "Kupang", "Pontianak", "Banjarmasin", "Balikpapan",
    "Samarinda", "Manado", "Palu", "Kendari", "Ambon", "Ternate", "Jayapura", "Sorong",
    "Merauke", "Batam", "Pekanbaru", "Padang", "Bukittinggi", "Deli Serdang", "Pematangsiantar",
    "Banda Aceh", "Lhokseumawe", "Bandar Lampung", "Jambi Kota", "Bengkulu Kota", "Serang",
    "Cilegon", "Wonosobo", "Gunungkidul",
    # international, some non-ASCII
    "London", "Washington", "Singapura", "Kuala Lumpur", "Tokyo", "Canberra", "Den Haag",
    "São Paulo", "Zürich", "Kraków", "Türkiye", "Québec", "Malmö", "México", "北京",
    "القاهرة",
]

FIRST_NAMES = [
    "Agus", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika",
    "Lestari", "Made", "Nur", "Oktavia", "Putri", "Rahmat", "Sari", "Teguh", "Utami", "Wahyu",
    "Yusuf", "Zainal", "Ayu", "Bayu", "Dian", "Fitri", "Hadi", "Iwan", "Kadek", "Ketut", "Lina",
    "Maria", "Nyoman", "Rina", "Siti", "Tono", "Wayan", "Yohanes", "Andi",
]
LAST_NAMES = [
    "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Nugroho", "Kurniawan", "Setiawan",
    "Lubis", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Manurung", "Pardede", "Sitompul",
    "Wibowo", "Susanto", "Purnomo", "Rahayu", "Suryani", "Handayani", "Permana", "Gunawan",
    "Hakim", "Rusdi", "Syahputra", "Tanjung", "Daulay", "Panjaitan",
]

TITLE_SUBJECTS = [
    "Pemkot", "Pemprov", "DPRD", "Warga", "Petani", "Nelayan", "BMKG", "KPU", "Bawaslu", "Polda",
    "Mahasiswa", "Guru", "Dinas Kesehatan", "Dinas Pendidikan", "BPBD", "Basarnas", "PLN",
    "Pertamina", "KAI", "Bank Indonesia", "OJK", "BPS", "Bupati", "Wali Kota", "Gubernur",
    "Menteri", "Presiden", "Relawan", "Pedagang Pasar", "Sopir Angkot", "Pengemudi Ojol",
    "Buruh Pabrik", "Pelajar", "Atlet", "Seniman", "Dalang", "Pengusaha", "Investor", "Peneliti",
    "Dokter", "Bidan", "Perawat", "Hakim", "Jaksa", "Kejari", "Kodim", "Lurah", "Kepala Desa",
    "Komunitas", "Organisasi Nelayan",
]
TITLE_VERBS = [
    "Percepat", "Tolak", "Dukung", "Bahas", "Siapkan", "Gelar", "Tinjau", "Evaluasi", "Resmikan",
    "Soroti", "Usulkan", "Tuntut", "Bangun", "Perbaiki", "Luncurkan", "Hentikan", "Awasi",
    "Selidiki", "Kritik", "Sambut", "Catat", "Tunda", "Tambah", "Kurangi", "Uji Coba", "Perluas",
    "Pantau", "Bagikan", "Kaji", "Targetkan", "Minta", "Laporkan", "Ungkap", "Tangani",
    "Antisipasi", "Perketat", "Longgarkan", "Rampungkan", "Rancang", "Promosikan",
]
TITLE_OBJECTS = [
    "Perbaikan Tanggul", "Harga Beras", "Anggaran Pendidikan", "Jalur Sepeda", "Tarif Angkutan",
    "Pembangunan Pasar", "Program Makan Siang", "Vaksinasi Anak", "Sistem Peringatan Dini",
    "Rehabilitasi Mangrove", "Pengelolaan Sampah", "Festival Budaya", "Revitalisasi Terminal",
    "Subsidi Pupuk", "Kenaikan UMR", "Jaringan Internet Desa", "Rumah Susun", "Air Bersih",
    "Penertiban PKL", "Normalisasi Sungai", "Jalan Tol Baru", "Kereta Bandara",
    "Sekolah Rusak", "Beasiswa Daerah", "Digitalisasi UMKM", "Pelabuhan Perikanan",
    "Kawasan Industri", "Cadangan Pangan", "Stok Elpiji", "Pasokan Listrik", "Tarif Parkir",
    "Pajak Kendaraan", "Izin Tambang", "Reklamasi Pantai", "Wisata Halal", "Ruang Terbuka Hijau",
    "Penanganan Stunting", "Layanan Puskesmas", "Rekrutmen Guru", "Kurikulum Baru",
    "Pengamanan Mudik", "Operasi Pasar", "Bantuan Sosial", "Dana Desa", "Kampung Batik",
    "Pagelaran Wayang", "Liga Sepak Bola Pelajar", "Pelatihan Kerja", "Transportasi Publik",
    "Sertifikat Tanah", "Relokasi Warga", "Pembangkit Surya", "Kendaraan Listrik",
    "Penghijauan Lereng", "Pemulihan Terumbu Karang", "Penanganan Banjir Rob",
    "Pengendalian Inflasi", "Pasar Murah", "Sensus Pertanian", "Kartu Prakerja",
    "Pengawasan Pilkada", "Debat Kandidat", "Logistik Pemilu", "Rekapitulasi Suara",
    "Perda Baru", "Kawasan Tanpa Rokok", "Car Free Day", "Pasar Tradisional", "Taman Kota",
    "Drainase Kota", "Sumur Resapan", "Bendungan", "Irigasi Sawah", "Lumbung Padi",
    "Kapal Ternak", "Tol Laut", "Bandara Perintis", "Jembatan Gantung", "Sekolah Rakyat",
    "Kampus Vokasi",
]

WORDS = """
yang dan di ke dari untuk pada dengan dalam tidak akan ini itu juga sudah masih lebih
warga pemerintah daerah kota kabupaten provinsi desa kecamatan kelurahan program anggaran
kebijakan rencana pembangunan proyek layanan masyarakat petani nelayan pedagang pasar harga
beras minyak gula cabai bawang listrik air jalan jembatan sungai banjir hujan musim kemarau
sekolah guru murid mahasiswa kampus rumah sakit dokter pasien obat vaksin kesehatan data
laporan survei penelitian hasil angka persen juta miliar triliun rupiah tahun bulan pekan
hari pagi siang sore malam kemarin besok lalu depan kepala dinas badan kantor pejabat
menteri gubernur bupati wali anggota dewan rapat sidang keputusan aturan undang peraturan
izin usaha pelaku ekonomi pertumbuhan inflasi ekspor impor investasi pabrik buruh pekerja
upah tenaga kerja pelatihan bantuan sosial keluarga anak perempuan lansia komunitas relawan
polisi aparat keamanan kecelakaan lalu lintas kendaraan motor mobil bus kereta kapal
pesawat bandara pelabuhan terminal penumpang tiket tarif subsidi bahan bakar energi surya
hutan lahan kebun sawah panen pupuk bibit irigasi bendungan tanggul pantai laut ikan
sampah plastik lingkungan udara polusi iklim cuaca suhu gelombang angin gempa longsor
pengungsi posko logistik evakuasi darurat siaga status peringatan informasi media sosial
digital aplikasi internet jaringan teknologi sistem inovasi startup modal pinjaman bank
kredit bunga tabungan pajak retribusi pendapatan belanja defisit target realisasi capaian
menurut kata ujar jelas sebut tambah ungkap nilai anggap harap minta dorong dukung tolak
kritik sorot tinjau pantau periksa selidiki tangani atasi cegah kurangi tingkatkan percepat
pastikan siapkan gelar resmikan luncurkan bangun perbaiki kembangkan perluas lanjutkan
sementara namun karena sehingga agar jika saat setelah sebelum selama hingga sejak antara
bagi oleh sebagai tersebut setiap seluruh sebagian banyak sedikit beberapa berbagai para
baru lama besar kecil tinggi rendah cepat lambat penting utama khusus umum terbuka publik
""".split()

LINK_PHRASES = [
    "laporan lengkap", "data BPS", "keterangan resmi", "rilis pers", "hasil survei",
    "dokumen anggaran", "peraturan daerah", "berita sebelumnya", "siaran langsung",
    "jadwal lengkap", "peta lokasi", "situs resmi", "pengumuman KPU", "prakiraan BMKG",
]
LINK_HOSTS = [
    "https://www.example.org", "https://news.example.com", "https://data.example.go.id",
    "https://bmkg.example.go.id", "https://kpu.example.go.id", "https://jatim.example.id",
]
HEADINGS = [
    "Latar belakang", "Dampak bagi warga", "Tanggapan pemerintah", "Langkah selanjutnya",
    "Angka-angka kunci", "Suara dari lapangan", "Apa kata pengamat", "Jadwal dan anggaran",
    "Kronologi", "Yang perlu diketahui", "Reaksi DPRD", "Catatan redaksi",
]

START = datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=7)))
SPAN_SECONDS = 731 * 24 * 3600  # 2024-01-01 .. 2025-12-31 inclusive


# ---------------------------------------------------------------------------------------------

def fold(name):
    """Key under which two names count as the same tag: case and diacritics ignored."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def ascii_slug(text, limit=60):
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].rstrip("-") or "artikel"


def build_tag_pool(rng, size):
    """`size` distinct tag names, in rank order (rank 1 is the most frequent)."""
    bases = list(TAG_BASES)
    rng.shuffle(bases)
    combos = [f"{base} {modifier}" for base, modifier in itertools.product(TAG_BASES, TAG_MODIFIERS)]
    rng.shuffle(combos)
    pool, seen = [], set()
    for name in itertools.chain(bases, combos):
        key = fold(name)
        if key in seen:
            continue
        seen.add(key)
        pool.append(name)
        if len(pool) == size:
            return pool
    raise SystemExit(f"generate_corpus: only {len(pool)} distinct tag names available")


def cumulative(size, exponent):
    total, cum = 0.0, []
    for rank in range(1, size + 1):
        total += 1.0 / rank ** exponent
        cum.append(total)
    return cum


class Corpus:
    def __init__(self, seed, tags=2000):
        self.rng = random.Random(seed)
        self.tags = build_tag_pool(self.rng, tags)
        self.tag_cum = cumulative(len(self.tags), 1.0)
        regions = list(REGIONS)
        self.rng.shuffle(regions)
        self.regions = regions
        self.region_cum = cumulative(len(regions), 0.8)
        self.authors = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
        self.rng.shuffle(self.authors)
        self.authors = self.authors[:300]
        self.titles = set()

    # -- small pieces ---------------------------------------------------------------------
    def zipf(self, names, cum):
        return names[bisect.bisect_left(cum, self.rng.random() * cum[-1])]

    def pick_tags(self):
        count = self.rng.randint(3, 6)
        chosen = []
        while len(chosen) < count:
            tag = self.zipf(self.tags, self.tag_cum)
            if tag not in chosen:
                chosen.append(tag)
        return chosen

    def title(self, region):
        rng = self.rng
        while True:
            place = region if rng.random() < 0.5 else rng.choice(REGIONS)
            title = f"{rng.choice(TITLE_SUBJECTS)} {rng.choice(TITLE_VERBS)} {rng.choice(TITLE_OBJECTS)} di {place}"
            if rng.random() < 0.15:
                title += f", {rng.randint(2, 900)} {rng.choice(['Warga', 'Keluarga', 'Sekolah', 'Desa', 'Hektare', 'Kios'])} Terdampak"
            if title not in self.titles:
                self.titles.add(title)
                return title

    def sentence(self, low=8, high=20):
        words = self.rng.choices(WORDS, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def paragraph(self, article_slug):
        """A paragraph of 3-5 sentences, sometimes with a link or emphasis. Returns (text, words)."""
        rng = self.rng
        sentences = [self.sentence() for _ in range(rng.randint(3, 5))]
        roll = rng.random()
        if roll < 0.35:
            phrase = rng.choice(LINK_PHRASES)
            url = f"{rng.choice(LINK_HOSTS)}/berita/{article_slug[:40]}-{rng.randint(1000, 99999)}"
            sentences[rng.randrange(len(sentences))] += f" Simak [{phrase}]({url})."
        elif roll < 0.55:
            words = rng.choices(WORDS, k=3)
            sentences[rng.randrange(len(sentences))] += f" Warga menyebutnya **{' '.join(words)}**."
        elif roll < 0.7:
            sentences[rng.randrange(len(sentences))] += f" Istilah *{rng.choice(WORDS)}* kerap dipakai."
        text = " ".join(sentences)
        return text, text.count(" ") + 1

    # -- one article ----------------------------------------------------------------------
    def article(self, index):
        rng = self.rng
        region = self.zipf(self.regions, self.region_cum)
        title = self.title(region)
        slug = ascii_slug(title)
        published = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
        date = published.strftime("%Y-%m-%dT%H:%M:%S+07:00")
        author = rng.choice(self.authors)
        tags = self.pick_tags()
        summary = " ".join([self.sentence(12, 22), self.sentence(6, 12)])

        target = rng.randint(400, 820)  # the last paragraph overshoots by up to ~80 words
        blocks, words = [], 0
        image_at, list_at, quote_at = 0.12 + rng.random() * 0.1, 0.35, 0.55 + rng.random() * 0.1
        second_heading = rng.random() < 0.5
        done = set()
        while words < target:
            progress = words / target
            if "image" not in done and progress >= image_at:
                done.add("image")
                alt = " ".join(rng.choices(WORDS, k=rng.randint(3, 7))).capitalize()
                url = f"https://img.example/{published:%Y/%m}/{slug[:30]}-{rng.randrange(16**8):08x}.jpg"
                blocks.append(f"![{alt}]({url})")
                words += alt.count(" ") + 1
                continue
            if "list" not in done and progress >= list_at:
                done.add("list")
                heading = rng.choice(HEADINGS)
                blocks.append(f"## {heading}")
                ordered = rng.random() < 0.4
                items = []
                for number in range(1, rng.randint(3, 5) + 1):
                    item = " ".join(rng.choices(WORDS, k=rng.randint(5, 12))).capitalize()
                    if rng.random() < 0.2:
                        item = f"**{rng.choice(WORDS).capitalize()}.** {item}"
                    items.append(f"{number}. {item}" if ordered else f"- {item}")
                    words += item.count(" ") + 1
                intro, count = self.paragraph(slug)
                blocks.append(intro)
                blocks.append("\n".join(items))
                words += count + 2
                continue
            if "quote" not in done and progress >= quote_at:
                done.add("quote")
                quote = " ".join(self.sentence(10, 20) for _ in range(rng.randint(1, 2)))
                blocks.append(f"> {quote}\n>\n> — {rng.choice(self.authors)}")
                words += quote.count(" ") + 3
                continue
            if second_heading and "heading2" not in done and progress >= 0.75:
                done.add("heading2")
                blocks.append(f"## {rng.choice(HEADINGS)}")
                words += 2
                continue
            text, count = self.paragraph(slug)
            blocks.append(text)
            words += count

        front = (
            "---\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            f"date: {date}\n"
            f"author: {json.dumps(author, ensure_ascii=False)}\n"
            f"tags: {json.dumps(tags, ensure_ascii=False)}\n"
        )
        rest = (
            f"summary: {json.dumps(summary, ensure_ascii=False)}\n"
            "---\n\n" + "\n\n".join(blocks) + "\n"
        )
        region_json = json.dumps(region, ensure_ascii=False)
        galley = f"{front}region: {region_json}\n{rest}"
        hugo = f"{front}regions: [{region_json}]\n{rest}"
        return f"{index:06d}-{slug}.md", galley, hugo


def prepare(folder, force):
    posts = os.path.join(folder, "posts")
    if os.path.isdir(folder) and os.listdir(folder):
        if not force:
            raise SystemExit(f"generate_corpus: {folder} is not empty (use --force to replace its posts/)")
        shutil.rmtree(posts, ignore_errors=True)
    os.makedirs(posts, exist_ok=True)
    return posts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", required=True, help="galley content folder to write (DIR/posts/*.md)")
    parser.add_argument("--hugo-out", help="also write the Hugo variant (regions: [X]) to this folder")
    parser.add_argument("--force", action="store_true", help="replace DIR/posts/ if the folder is not empty")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be positive")

    started = time.monotonic()
    out_posts = prepare(args.out, args.force)
    hugo_posts = prepare(args.hugo_out, args.force) if args.hugo_out else None
    corpus = Corpus(args.seed)
    total_bytes = 0
    for index in range(1, args.count + 1):
        name, galley, hugo = corpus.article(index)
        data = galley.encode("utf-8")
        total_bytes += len(data)
        with open(os.path.join(out_posts, name), "wb") as handle:
            handle.write(data)
        if hugo_posts:
            with open(os.path.join(hugo_posts, name), "wb") as handle:
                handle.write(hugo.encode("utf-8"))
    if not args.quiet:
        print(f"generate_corpus: {args.count} articles ({total_bytes / 1e6:.1f} MB) in {args.out}"
              + (f" and {args.hugo_out}" if args.hugo_out else "")
              + f", seed {args.seed}, {time.monotonic() - started:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
