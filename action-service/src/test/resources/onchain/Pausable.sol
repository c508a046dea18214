// SPDX-License-Identifier: MIT
// The contract the contract-call tests deploy on anvil: an owner may pause it once and name a guardian.
pragma solidity 0.8.37;

contract Pausable {
    address public owner;
    bool public paused;
    address public guardian;

    constructor() {
        owner = msg.sender;
    }

    function pause() external {
        require(msg.sender == owner, "not the owner");
        require(!paused, "already paused");
        paused = true;
    }

    function setGuardian(address newGuardian) external {
        require(msg.sender == owner, "not the owner");
        guardian = newGuardian;
    }
}
