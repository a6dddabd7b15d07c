/// Where a person stands with the Basic Resident Register, as Kyosei sees it. Nobody is ever
/// deleted: leaving the register is a state, and the record stays findable.
public enum RegisterState: String, DomainCode {
    public static let fieldName = "register state"
    case registered = "REGISTERED"
    /// Departed with a re-entry permit: still registered, absent.
    case abroad = "ABROAD"
    case movedOut = "MOVED_OUT"
    case deceased = "DECEASED"
    case deletedExOfficio = "DELETED_EX_OFFICIO"
    /// Absent from a later snapshot with no event that says why.
    case leftRegister = "LEFT_REGISTER"
    /// Known to the city and served, but not in the register: walk-ins, overstayers.
    case unregisteredServed = "UNREGISTERED_SERVED"

    /// Still in the register (the person counts in the register's head-count).
    public var isInRegister: Bool { self == .registered || self == .abroad }

    /// The state after a delta event (`formats.md` §1).
    public static func after(_ event: RegisterEvent) -> RegisterState {
        switch event {
        case .moveOut: .movedOut
        case .death: .deceased
        case .departureReentry: .abroad
        case .deletedExOfficio: .deletedExOfficio
        default: .registered
        }
    }

    /// The state after a snapshot lists the person: registered, but `ABROAD` stays so until a `RETURN`.
    public func afterSnapshotListing() -> RegisterState {
        self == .abroad ? .abroad : .registered
    }

    /// The state after a snapshot omits the person: a registered person has left the register;
    /// anyone already out of it keeps the more specific reason they have.
    public func afterSnapshotOmission() -> RegisterState {
        isInRegister ? .leftRegister : self
    }
}

/// Delta events of the register export.
public enum RegisterEvent: String, DomainCode {
    public static let fieldName = "event"
    case moveIn = "MOVE_IN", birth = "BIRTH", moveOut = "MOVE_OUT", death = "DEATH"
    case addressChange = "ADDRESS_CHANGE", householdChange = "HOUSEHOLD_CHANGE", nameChange = "NAME_CHANGE"
    case statusChange = "STATUS_CHANGE", stayRenewal = "STAY_RENEWAL", categoryChange = "CATEGORY_CHANGE"
    case departureReentry = "DEPARTURE_REENTRY", `return` = "RETURN"
    case deletedExOfficio = "DELETED_EX_OFFICIO", correction = "CORRECTION"
}
