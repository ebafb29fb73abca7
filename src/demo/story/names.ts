/**
 * Where Northwind Export Co.'s buyers are: one entry per market, with names, mobile numbering and company
 * forms that look right for it. Weights are the market's share of the contact base.
 */
export interface Market {
  country: string;
  /** ISO 3166 alpha-2. */
  iso: string;
  callingCode: string;
  /** Mobile prefixes after the country code, and how many digits follow them. */
  mobilePrefixes: string[];
  subscriberDigits: number;
  weight: number;
  firstNames: string[];
  lastNames: string[];
  /** First words of company names ("Rheinland"), then legal forms ("GmbH"). */
  companyWords: string[];
  legalForms: string[];
}

const words = (text: string) => text.split(' ');

export const MARKETS: readonly Market[] = [
  market('Germany', 'DE', '49', '151 160 170 176', 8, 12, 'Anna Lukas Julia Felix Katrin Jonas Sabine Tobias Miriam Stefan Jan Lena', 'Schmidt Becker Hoffmann Wagner Krüger Neumann Brandt Vogel Hartmann Lehmann Keller Richter', 'Rheinland Nordwerk Elbtal Hanse Weser Isar Taunus Spree', 'GmbH|GmbH & Co. KG|AG'),
  market('United Kingdom', 'GB', '44', '7700 7400 7911 7802', 6, 8, 'Oliver Emily Harry Sophie George Charlotte James Amelia Thomas Grace', 'Clarke Hughes Patel Walker Wright Turner Evans Bennett Cooper Hall', 'Thames Pennine Severn Mersey Albion Clyde Humber', 'Ltd|Ltd|plc'),
  market('United States', 'US', '1', '212 312 415 713 305 206 617', 7, 12, 'Michael Jessica David Ashley Daniel Megan Ryan Lauren Kevin Rachel Brian Nicole', 'Johnson Miller Davis Garcia Rodriguez Wilson Anderson Taylor Moore Martin Thompson White', 'Keystone Gulf Lakeshore Frontier Pacific Summit Liberty Prairie', 'Inc.|LLC|Corp.'),
  market('India', 'IN', '91', '98 99 97 90 88', 8, 10, 'Rahul Priya Amit Sneha Vikram Anjali Arjun Kavya Rohan Neha Sanjay Deepa', 'Sharma Patel Iyer Reddy Gupta Nair Mehta Rao Singh Desai Kulkarni Joshi', 'Shree Ganga Deccan Sahyadri Bharat Kaveri Narmada Konkan', 'Pvt. Ltd.|Pvt. Ltd.|LLP'),
  market('United Arab Emirates', 'AE', '971', '50 52 55 56', 7, 7, 'Omar Fatima Ahmed Aisha Khalid Mariam Yousef Layla Hamdan Noura', 'Mansouri Hashimi Haddad Khoury Nasser Saleh Farsi Rahman', 'Gulf Falcon Oasis Pearl Dune Marina Crescent', 'LLC|FZE|FZCO'),
  market('Saudi Arabia', 'SA', '966', '50 53 54 55', 7, 4, 'Abdullah Sara Faisal Reem Turki Huda Saud Lama Nasser Dana', 'Alotaibi Alqahtani Alharbi Alghamdi Alzahrani Alshehri Aldosari Almutairi', 'Najd Hijaz Tihama Arabian Riyadh Eastern', 'Co. Ltd.|Trading Est.|LLC'),
  market('Brazil', 'BR', '55', '11 21 31 41 51', 9, 6, 'Lucas Mariana Gabriel Beatriz Rafael Camila Pedro Larissa Thiago Fernanda', 'Silva Santos Oliveira Souza Lima Pereira Costa Ferreira Almeida Carvalho', 'Paulista Atlântico Cerrado Guanabara Serra Bandeirantes', 'Ltda.|S.A.|Ltda.'),
  market('Mexico', 'MX', '52', '55 33 81 22', 8, 6, 'José Sofía Luis Valentina Carlos Regina Miguel Ximena Jorge Daniela', 'Hernández García Martínez López González Ramírez Flores Torres Vargas Castillo', 'Azteca Bajío Sierra Golfo Pacífico Norteña', 'S.A. de C.V.|S. de R.L.|S.A. de C.V.'),
  market('Nigeria', 'NG', '234', '803 805 806 813 816', 7, 5, 'Chinedu Ngozi Emeka Amaka Tunde Funmi Ifeanyi Chioma Segun Bisi', 'Okafor Adeyemi Eze Okonkwo Balogun Nwosu Adebayo Obi Ibrahim Bello', 'Niger Lagos Delta Benue Zuma Eko', 'Ltd|Nigeria Ltd|Ltd'),
  market('Kenya', 'KE', '254', '700 711 722 733', 6, 3, 'Brian Faith Kevin Mercy Dennis Grace Collins Joy Victor Esther', 'Otieno Kamau Wanjiru Mwangi Ochieng Njoroge Kiprono Achieng', 'Rift Savanna Kilima Tana Mombasa', 'Ltd|Ltd|Limited'),
  market('Vietnam', 'VN', '84', '90 91 93 98', 7, 5, 'Minh Linh Huy Trang Duc Thao Quang Mai Tuan Ngoc', 'Nguyen Tran Le Pham Hoang Vu Dang Bui Do Ngo', 'Saigon Mekong Hanoi Haiphong Danang', 'Co., Ltd.|JSC|Co., Ltd.'),
  market('Indonesia', 'ID', '62', '812 813 815 817', 8, 4, 'Budi Siti Agus Dewi Eko Rina Hendra Putri Yusuf Ayu', 'Santoso Wijaya Kusuma Hidayat Saputra Pratama Gunawan Halim', 'Nusantara Java Borneo Sumatra Bali', 'PT|CV|PT'),
  market('Poland', 'PL', '48', '500 600 690 790', 6, 5, 'Piotr Anna Tomasz Katarzyna Paweł Agnieszka Marcin Magdalena Krzysztof Monika', 'Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański', 'Wisła Mazowsze Bałtyk Tatra Odra Śląsk', 'Sp. z o.o.|S.A.|Sp. z o.o.'),
  market('Turkey', 'TR', '90', '532 533 535 542 505', 7, 5, 'Mehmet Ayşe Mustafa Elif Emre Zeynep Burak Selin Can Deniz', 'Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan', 'Anadolu Marmara Ege Boğaziçi Kapadokya Toros', 'A.Ş.|Ltd. Şti.|A.Ş.'),
  market('South Africa', 'ZA', '27', '82 83 72 71 84', 7, 4, 'Thabo Naledi Pieter Lerato Johan Zanele Sipho Anika Themba Chantal', 'Nkosi Botha Dlamini Pretorius Mokoena Naidoo Khumalo Mahlangu', 'Highveld Karoo Cape Drakensberg Vaal Limpopo', '(Pty) Ltd|(Pty) Ltd|Ltd'),
  market('Australia', 'AU', '61', '400 412 423 438', 6, 4, 'Jack Chloe Liam Olivia Noah Mia Ethan Ruby Lachlan Zoe', 'Smith Jones Williams Brown Kelly Ryan Walsh Murphy Campbell Mitchell', 'Southern Coral Outback Harbour Murray Eureka', 'Pty Ltd|Pty Ltd|Ltd'),
];

/** The second word of a company name: what buyers of valves and fittings call themselves. */
export const COMPANY_TRADES = words('Fluid Process Pipeline Flow Industrial Water Pump Valve Hydraulic Engineering Energy Marine Utility Steel');
export const COMPANY_KINDS = ['Systems', 'Supply', 'Solutions', 'Trading', 'Technik', 'Services', 'Distribution', 'Components', 'Works', 'Partners'];

/** What deals are about. */
export const PRODUCTS = [
  'DN50 ball valves', 'butterfly valves DN200', 'gate valves PN16', 'stainless pipe fittings', 'check valves', 'globe valves',
  'pneumatic actuators', 'flanged ball valves', 'strainers', 'knife gate valves', 'pressure regulators', 'sanitary valves',
];

function market(
  country: string, iso: string, callingCode: string, prefixes: string, subscriberDigits: number, weight: number,
  firstNames: string, lastNames: string, companyWords: string, legalForms: string,
): Market {
  return {
    country, iso, callingCode, subscriberDigits, weight,
    mobilePrefixes: words(prefixes),
    firstNames: words(firstNames),
    lastNames: words(lastNames),
    companyWords: words(companyWords),
    legalForms: legalForms.split('|'),
  };
}
