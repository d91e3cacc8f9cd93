package be.carenetwork.matching;

/**
 * Who helps, as the dashboard counts it: a neighbour (a resident, a neighbour or an informal carer), a volunteer, or
 * a professional (any formal actor: organisation, service, professional, shop, school, referral point).
 */
enum HelperKind {
    NEIGHBOUR, VOLUNTEER, PROFESSIONAL
}
